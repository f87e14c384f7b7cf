import { asApiError, errorFromResponse } from './errors';

describe('errorFromResponse', () => {
  it('keeps the bff message and falls back to a Chinese hint when the bff sent none', () => {
    const e = errorFromResponse(429, { error: { code: 'RATE_LIMITED', message: '操作太频繁', hint: '', requestId: 'r1' } });
    expect(e).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁', hint: '请等待一分钟后再试。', requestId: 'r1' });
  });

  it('says what to do even for a response it cannot read', () => {
    expect(errorFromResponse(500, null)).toMatchObject({ code: 'BAD_RESPONSE', status: 500, hint: expect.stringContaining('12345') });
  });
});

describe('asApiError', () => {
  it('wraps anything thrown into a message and a hint', () => {
    const e = asApiError(new TypeError('x is undefined'));
    expect(e.message).toBe('出了点问题，这一步没有完成。');
    expect(e.hint).toContain('稍后重试');
  });
});
