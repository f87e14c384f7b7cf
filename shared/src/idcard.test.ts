import { checkIdNumber, idNumberCheckChar, maskIdNumber } from './idcard';
import { maskName, maskPhone } from './mask';

describe('GB 11643 ID numbers', () => {
  it('computes the check character, including X', () => {
    // worked example from the standard: 11010519491231002 → X
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull();
  });

  it('names the first problem it finds', () => {
    expect(checkIdNumber('1101051949123100')).toBe('length');
    expect(checkIdNumber('11010519491231002Y')).toBe('characters');
    expect(checkIdNumber('110105194902300021')).toBe('birthdate');
    expect(checkIdNumber('110105194912310021')).toBe('checksum');
  });

  it('masks numbers and names for display', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13905370002')).toBe('139****0002');
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳明远')).toBe('欧**远');
  });
});
