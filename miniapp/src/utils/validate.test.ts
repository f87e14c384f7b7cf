import { checkDevOpenid, checkIdNumberText, checkPhoneNumber, checkRealName, normalizeIdNumber } from './validate';

describe('real-name form checks', () => {
  it('accepts a Chinese name, including 生僻字 and the middle dot of minority names', () => {
    expect(checkRealName('张三')).toBeNull();
    expect(checkRealName('𠮷野')).toBeNull();
    expect(checkRealName('阿依古丽·买买提')).toBeNull();
  });

  it('tells the citizen what to fix in a name', () => {
    expect(checkRealName('  ')).toBe('请填写姓名。');
    expect(checkRealName('张')).toContain('至少2个字');
    expect(checkRealName('Zhang San')).toContain('汉字');
  });

  it('checks ID numbers with the shared rules and explains the problem', () => {
    expect(checkIdNumberText('11010519491231002X')).toBeNull();
    expect(checkIdNumberText('')).toBe('请填写18位身份证号码。');
    expect(checkIdNumberText('1101051949123100')).toContain('18位');
    expect(checkIdNumberText('110105194912310021')).toContain('校验码');
  });

  it('upper-cases a trailing x and drops spaces', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});

describe('phone and test-openid checks', () => {
  it('accepts an 11-digit mainland mobile number', () => {
    expect(checkPhoneNumber('138 0000 1234')).toBeNull();
    expect(checkPhoneNumber('12800001234')).toContain('11位');
    expect(checkPhoneNumber('')).toContain('11位');
  });

  it('accepts the openids the bff accepts', () => {
    expect(checkDevOpenid('h5dev_abc123')).toBeNull();
    expect(checkDevOpenid('abc')).not.toBeNull();
    expect(checkDevOpenid('has space')).not.toBeNull();
  });
});
