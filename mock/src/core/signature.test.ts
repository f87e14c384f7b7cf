import { request } from '../infra/http-test';
import { signCoreRequest, startCore, TEST_CLIENT_ID, TEST_CORE_SECRET, type CoreHarness } from './testing';

const VERIFY = '/core/v1/identity/verify';
const ZHANG = { name: '张伟', idNumber: '370811198503152317' };

describe('signed requests to /core/v1/*', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  const expect401 = (res: { status: number; body: unknown }) => {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'SIGNATURE_INVALID', message: expect.any(String) });
  };

  it('lets a correctly signed request through', async () => {
    const res = await core.call('POST', VERIFY, ZHANG);
    expect(res.status).toBe(200);
    expect(res.body.match).toBe(true);
  });

  it('refuses a request signed with another secret', async () => {
    expect401(await core.call('POST', VERIFY, ZHANG, { secret: 'not-the-secret' }));
  });

  it('refuses a timestamp more than 300 s from real time, whichever way the mock clock points', async () => {
    core.clock.advance(10 * 24 * 3600_000); // business time moves; transport time does not
    expect((await core.call('POST', VERIFY, ZHANG, { now: Date.now() - 250_000 })).status).toBe(200);
    expect401(await core.call('POST', VERIFY, ZHANG, { now: Date.now() - 301_000 }));
    expect401(await core.call('POST', VERIFY, ZHANG, { now: Date.now() + 301_000 }));
  });

  it('refuses a nonce it has already seen', async () => {
    const nonce = 'replayed-nonce-0123456789';
    expect((await core.call('POST', VERIFY, ZHANG, { nonce })).status).toBe(200);
    expect401(await core.call('POST', VERIFY, ZHANG, { nonce }));
  });

  it('refuses a nonce shorter than 16 characters', async () => {
    expect401(await core.call('POST', VERIFY, ZHANG, { nonce: 'short' }));
  });

  it('refuses a body changed after signing', async () => {
    const body = JSON.stringify(ZHANG);
    const headers = signCoreRequest({ secret: TEST_CORE_SECRET, clientId: TEST_CLIENT_ID, method: 'POST', pathWithQuery: VERIFY, body });
    const res = await request(`${core.url}${VERIFY}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...ZHANG, name: '李四' }),
    });
    expect401(res);
  });

  it('refuses a signature made for another path or query', async () => {
    const headers = signCoreRequest({ secret: TEST_CORE_SECRET, clientId: TEST_CLIENT_ID, method: 'GET', pathWithQuery: '/core/v1/x?a=1' });
    expect401(await request(`${core.url}/core/v1/x?a=2`, { headers }));
  });

  it('refuses another client id', async () => {
    expect401(await core.call('POST', VERIFY, ZHANG, { clientId: 'someone-else' }));
  });

  it.each(['X-Jsb-Client', 'X-Jsb-Timestamp', 'X-Jsb-Nonce', 'X-Jsb-Signature'])('refuses a request without %s', async (name) => {
    const headers = signCoreRequest({ secret: TEST_CORE_SECRET, clientId: TEST_CLIENT_ID, method: 'POST', pathWithQuery: VERIFY, body: JSON.stringify(ZHANG) });
    delete headers[name];
    const res = await request(`${core.url}${VERIFY}`, { method: 'POST', headers, body: JSON.stringify(ZHANG) });
    expect401(res);
  });

  it('checks the signature before saying a path does not exist', async () => {
    expect401(await request(`${core.url}/core/v1/no-such-thing`));
    const signed = await core.call('GET', '/core/v1/no-such-thing');
    expect(signed.status).toBe(404);
    expect(signed.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});
