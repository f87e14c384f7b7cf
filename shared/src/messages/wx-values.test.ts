import { wxAmount, wxPhrase, wxString, wxThing, yuanText } from './wx-values';

describe('values within WeChat subscription-message limits', () => {
  it('cuts a thing to 20 characters with an ellipsis, counting Chinese characters as one', () => {
    expect(wxThing('不动产登记')).toBe('不动产登记');
    expect(wxThing('一'.repeat(20))).toBe('一'.repeat(20));
    expect(wxThing('一'.repeat(21))).toBe(`${'一'.repeat(19)}…`);
    expect(wxThing('  ')).toBe('—');
  });

  it('refuses a phrase that is not 1 to 5 Chinese characters (our wording, a bug to catch early)', () => {
    expect(wxPhrase('恢复计时')).toBe('恢复计时');
    expect(() => wxPhrase('审查中（暂停）')).toThrow(RangeError);
    expect(() => wxPhrase('OK')).toThrow(RangeError);
  });

  it('keeps a character_string to 32 letters, digits or symbols', () => {
    expect(wxString('JN2026030200001')).toBe('JN2026030200001');
    expect(wxString('办件JN1')).toBe('JN1');
    expect(wxString('A'.repeat(40))).toHaveLength(32);
  });

  it('writes an amount with its sign and the fen, without float arithmetic', () => {
    expect(wxAmount(8000)).toBe('¥80.00');
    expect(wxAmount(1)).toBe('¥0.01');
    expect(yuanText(55005)).toBe('550.05');
  });
});
