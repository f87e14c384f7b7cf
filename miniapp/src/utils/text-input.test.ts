import { cleanInput, groupDigits, GROUPS } from './text-input';

describe('cleanInput', () => {
  it('keeps a pasted 18-character ID number whole: spaces and line breaks go before the limit applies', () => {
    expect(cleanInput(' 370811199001011234\n', 'id', 18)).toBe('370811199001011234');
    expect(cleanInput('370811 1990 0101 123x', 'id', 18)).toBe('37081119900101123X');
  });

  it('cuts what is really too long, after cleaning', () => {
    expect(cleanInput('3708111990010112345', 'id', 18)).toBe('370811199001011234');
    expect(cleanInput('01 0120 3456', 'digits', 20)).toBe('0101203456');
  });

  it('upper-cases a case number and drops its spaces; text only loses its leading blanks while typing', () => {
    expect(cleanInput(' jn2026 0212 00001 ', 'code', 15)).toBe('JN2026021200001');
    expect(cleanInput('  张 伟 ', 'text')).toBe('张 伟 ');
  });
});

describe('groupDigits', () => {
  it('groups an ID number as region, birth date and serial, and a phone number 3-4-4', () => {
    expect(groupDigits('370811199001011234', GROUPS.idNumber)).toBe('370811 19900101 1234');
    expect(groupDigits('13905370001', GROUPS.phone)).toBe('139 0537 0001');
    expect(groupDigits('3708111', GROUPS.idNumber)).toBe('370811 1');
  });
});
