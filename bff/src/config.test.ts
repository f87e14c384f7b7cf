import { ConfigError, loadConfig } from './config';

const good = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  JWT_SECRET: 'x'.repeat(32),
  PII_HASH_SECRET: 'y'.repeat(32),
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'secret-secret',
  CORE_API_BASE: 'http://127.0.0.1:4010',
  CORE_HMAC_SECRET: 'z'.repeat(16),
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(good);
    expect(c.BFF_PORT).toBe(3000);
    expect(c.ACCESS_TTL_SECONDS).toBe(900);
    expect(c.DEV_LOGIN).toBe(false);
  });

  it('lists every bad key at once', () => {
    try {
      loadConfig({ ...good, JWT_SECRET: 'short', BFF_PORT: 'abc', MONGODB_URI: undefined });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const keys = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(keys).toEqual(expect.arrayContaining(['JWT_SECRET', 'BFF_PORT', 'MONGODB_URI']));
    }
  });

  it('refuses the development sign-in in production', () => {
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', DEV_LOGIN: '1' })).toThrow(/DEV_LOGIN/);
  });
});
