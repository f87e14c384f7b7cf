import { redact, redactString } from './log';

describe('log redaction', () => {
  it('masks ID numbers and phone numbers inside any string', () => {
    expect(redactString('id 370881197206184026 phone 13905370002.')).toBe('id 370881********4026 phone 139****0002.');
    expect(redactString('37082819661009101X')).toBe('370828********101X');
  });

  it('drops secrets by key at any depth and bearer tokens and JWTs by shape', () => {
    const out = redact({
      headers: { authorization: 'Bearer abc.def.ghi' },
      body: { refreshToken: 'r', nested: [{ session_key: 'k', note: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }] },
      msg: 'Authorization: Bearer eyJ0eXAi.eyJzdWIi.sig',
    }) as Record<string, unknown>;
    const text = JSON.stringify(out);
    expect(text).not.toContain('abc.def.ghi');
    expect(text).not.toMatch(/"refreshToken":"r"/);
    expect(text).not.toContain('"k"');
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(text).toContain('[redacted]');
  });

  it('leaves ordinary numbers alone', () => {
    expect(redactString('took 1234 ms, 20 seats, order 2026112600001')).toBe('took 1234 ms, 20 seats, order 2026112600001');
  });
});
