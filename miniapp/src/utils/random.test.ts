import { newIdempotencyKey, randomString } from './random';

describe('random identifiers', () => {
  it('makes strings of the asked length from lower-case letters and digits', () => {
    expect(randomString(12)).toMatch(/^[0-9a-z]{12}$/);
  });

  it('makes idempotency keys that start with the time and differ per action', () => {
    const key = newIdempotencyKey(1_700_000_000_000, () => 0.5);
    expect(key).toBe(`${(1_700_000_000_000).toString(36)}-${'i'.repeat(16)}`);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
