import { createSign, randomUUID } from 'node:crypto';
import { createMockClock } from '../infra/clock';
import { listen, type RunningServer } from '../infra/server';
import { loadOrCreateWxpayKeys, type WxpayKeys } from './keys';
import { createWxpayMock, type WxpayMock } from './wxpay.mock';
import { rsaVerify, signMessage } from './wxpay.crypto';

const APPID = 'wx1234567890abcdef';
let keys: WxpayKeys;
let mock: WxpayMock;
let server: RunningServer;
beforeAll(async () => {
  keys = loadOrCreateWxpayKeys();
  mock = createWxpayMock({ clock: createMockClock(new Date('2026-03-02T02:00:00Z'), { frozen: true }), admin: true, mchid: keys.mchid, appid: APPID, merchantCertPem: keys.merchantCertPem, platformKeys: keys.platformKeys, apiV3Key: keys.apiV3Key });
  server = await listen(mock.app, 0);
});
afterAll(() => server.close());

/** Signs like a merchant: METHOD\nURL\ntimestamp\nnonce\nbody\n with the merchant key. */
function authorization(method: string, url: string, body: string, o: { skew?: number; serial?: string; mchid?: string } = {}): string {
  const ts = String(Math.floor(Date.now() / 1000) + (o.skew ?? 0));
  const nonce = randomUUID().replace(/-/g, '');
  const signature = createSign('RSA-SHA256').update(signMessage([method, url, ts, nonce, body])).sign(keys.merchantPrivateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${o.mchid ?? keys.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${ts}",serial_no="${o.serial ?? keys.merchantSerial}"`;
}

async function send(method: string, url: string, body = '', auth?: string) {
  const res = await fetch(server.url + url, { method, headers: { authorization: auth ?? authorization(method, url, body), 'content-type': 'application/json' }, body: body || undefined });
  const text = await res.text();
  const signedOk = rsaVerify(signMessage([res.headers.get('wechatpay-timestamp') ?? '', res.headers.get('wechatpay-nonce') ?? '', text]), res.headers.get('wechatpay-signature') ?? '', keys.platformKeys[0]!.publicKeyPem);
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, signedOk, serial: res.headers.get('wechatpay-serial') };
}

const order = (no: string, total = 8000) =>
  JSON.stringify({ appid: APPID, mchid: keys.mchid, description: '不动产登记费', out_trade_no: no, notify_url: 'http://127.0.0.1:9/notify', amount: { total, currency: 'CNY' }, payer: { openid: 'o_test_payer' } });

describe('WeChat Pay mock: request signatures', () => {
  it('accepts a correctly signed JSAPI order and signs its answer with the platform key', async () => {
    const r = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0001'));
    expect(r.status).toBe(200);
    expect(r.body.prepay_id).toMatch(/^wx/);
    expect(r.signedOk).toBe(true);
    expect(r.serial).toBe(keys.platformKeys[0]!.serial);
  });

  it.each([
    ['a timestamp 301 s off', { skew: -301 }],
    ['an unknown merchant serial', { serial: 'ABCDEF0123456789' }],
    ['another mchid', { mchid: '1900000999' }],
  ])('answers a signed 401 SIGN_ERROR to %s', async (_l, o) => {
    const body = order('JSBUNIT0002');
    const r = await send('POST', '/v3/pay/transactions/jsapi', body, authorization('POST', '/v3/pay/transactions/jsapi', body, o));
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SIGN_ERROR');
    expect(r.signedOk).toBe(true);
  });

  it('refuses a body changed after signing', async () => {
    const auth = authorization('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0003', 8000));
    const r = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0003', 1), auth);
    expect(r.status).toBe(401);
  });
});

describe('WeChat Pay mock: order state machine and error codes', () => {
  it('NOTPAY → SUCCESS, then ORDERPAID on close and on a repeat; unknown orders are ORDER_NOT_EXIST 404', async () => {
    const created = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0010'));
    expect((await send('GET', `/v3/pay/transactions/out-trade-no/JSBUNIT0010?mchid=${keys.mchid}`)).body.trade_state).toBe('NOTPAY');
    const paid = await fetch(`${server.url}/__mock/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId: created.body.prepay_id }) });
    expect(paid.status).toBe(200);
    expect((await send('GET', `/v3/pay/transactions/out-trade-no/JSBUNIT0010?mchid=${keys.mchid}`)).body.trade_state).toBe('SUCCESS');
    const close = await send('POST', '/v3/pay/transactions/out-trade-no/JSBUNIT0010/close', JSON.stringify({ mchid: keys.mchid }));
    expect([close.status, close.body.code]).toEqual([403, 'ORDERPAID']);
    expect((await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0010'))).body.code).toBe('ORDERPAID');
    const missing = await send('GET', `/v3/pay/transactions/out-trade-no/JSBNOPE0001?mchid=${keys.mchid}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'ORDER_NOT_EXIST']);
  });

  it('closes a NOTPAY order with a signed 204, after which it is ORDER_CLOSED', async () => {
    await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0020'));
    const close = await send('POST', '/v3/pay/transactions/out-trade-no/JSBUNIT0020/close', JSON.stringify({ mchid: keys.mchid }));
    expect(close.status).toBe(204);
    expect(close.signedOk).toBe(true);
    const again = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0020'));
    expect([again.status, again.body.code]).toEqual([400, 'ORDER_CLOSED']);
  });

  it('refuses the same out_trade_no with other parameters (INVALID_REQUEST) and a bad amount (PARAM_ERROR)', async () => {
    await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0030'));
    expect((await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0030', 100))).body.code).toBe('INVALID_REQUEST');
    const bad = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0031', -5));
    expect([bad.status, bad.body.code]).toEqual([400, 'PARAM_ERROR']);
  });
});
