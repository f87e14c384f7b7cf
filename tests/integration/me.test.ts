import { SEED_PERSONS } from '@jsb/mock';
import type { Me } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'me' });
});
afterAll(() => s.close());

const person = SEED_PERSONS.find((p) => p.name === '孔令华')!;
const rare = SEED_PERSONS.find((p) => p.name === '赵𠈌')!;

async function bind(token: string, body: unknown) {
  return call<Me & ErrBody>(s.bffUrl, 'POST', '/api/v1/me/real-name', { token, body });
}

describe('POST /api/v1/me/real-name', () => {
  it('binds a verified real name and shows only masked values from then on', async () => {
    const t = await signIn(s, openid());
    const before = await call<Me>(s.bffUrl, 'GET', '/api/v1/me', { token: t.accessToken });
    expect(before.body.realName).toBeNull();
    const res = await bind(t.accessToken, { name: person.name, idNumber: person.idNumber });
    expect(res.status).toBe(200);
    expect(res.body.realName).toMatchObject({ verified: true, nameMasked: '孔*华', idNumberMasked: '370***********4026' });
    const after = await call<Me>(s.bffUrl, 'GET', '/api/v1/me', { token: t.accessToken });
    expect(after.body.realName?.idNumberMasked).toBe('370***********4026');
    expect(after.text).not.toContain(person.idNumber);
    // the bff keeps no full ID number or full name
    const stored = JSON.stringify(await s.db.collection('citizens').find({}).toArray());
    expect(stored).not.toContain(person.idNumber);
    expect(stored).not.toContain(person.name);
  });

  it('accepts a name with a character outside the basic plane', async () => {
    const t = await signIn(s, openid());
    const res = await bind(t.accessToken, { name: rare.name, idNumber: rare.idNumber });
    expect(res.status).toBe(200);
    expect(res.body.realName?.nameMasked).toBe('赵*');
  });

  it('refuses a wrong check digit with ID_NUMBER_INVALID and a hint naming the problem, storing nothing', async () => {
    const t = await signIn(s, openid());
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '0' ? '1' : '0');
    const res = await bind(t.accessToken, { name: person.name, idNumber: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ID_NUMBER_INVALID');
    expect(res.body.error.hint).toContain('校验码');
    const me = await call<Me>(s.bffUrl, 'GET', '/api/v1/me', { token: t.accessToken });
    expect(me.body.realName).toBeNull();
  });

  it('refuses a name that does not match the number with REAL_NAME_MISMATCH', async () => {
    const t = await signIn(s, openid());
    const res = await bind(t.accessToken, { name: '孔令军', idNumber: person.idNumber });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REAL_NAME_MISMATCH');
    expect(res.body.error.hint).toMatch(/核对|大厅/);
    const me = await call<Me>(s.bffUrl, 'GET', '/api/v1/me', { token: t.accessToken });
    expect(me.body.realName).toBeNull();
  });

  it('refuses malformed input before asking the core', async () => {
    const t = await signIn(s, openid());
    for (const body of [{ name: 'Zhang Wei', idNumber: person.idNumber }, { name: person.name }, { name: person.name, idNumber: person.idNumber, age: 3 }]) {
      const res = await bind(t.accessToken, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers UPSTREAM_UNAVAILABLE with a hint when the core is down, and binds nothing', async () => {
    const t = await signIn(s, openid());
    await call(s.coreUrl, 'POST', '/__mock/faults', { body: { outage: true } });
    try {
      const res = await bind(t.accessToken, { name: person.name, idNumber: person.idNumber });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(res.body.error.hint).toContain('稍后');
    } finally {
      await call(s.coreUrl, 'DELETE', '/__mock/faults');
    }
    const me = await call<Me>(s.bffUrl, 'GET', '/api/v1/me', { token: t.accessToken });
    expect(me.body.realName).toBeNull();
  });
});

describe('POST /api/v1/me/phone', () => {
  it('binds the WeChat phone number, shown masked', async () => {
    const t = await signIn(s, openid());
    const code = (await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/phone-code', { body: { phoneNumber: '13905379876' } })).body.code;
    const res = await call<Me & ErrBody>(s.bffUrl, 'POST', '/api/v1/me/phone', { token: t.accessToken, body: { code } });
    expect(res.status).toBe(200);
    expect(res.body.phone?.masked).toBe('139****9876');
    expect(res.text).not.toContain('13905379876');
    const stored = JSON.stringify(await s.db.collection('citizens').find({}).toArray());
    expect(stored).not.toContain('13905379876');
  });

  it('answers PHONE_CODE_INVALID when the code was already used', async () => {
    const t = await signIn(s, openid());
    const code = (await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/phone-code', { body: { phoneNumber: '13905371234' } })).body.code;
    expect((await call(s.bffUrl, 'POST', '/api/v1/me/phone', { token: t.accessToken, body: { code } })).status).toBe(200);
    const again = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/me/phone', { token: t.accessToken, body: { code } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('PHONE_CODE_INVALID');
  });
});
