import { startWxpayRig, type SignedAnswer, type WxpayRig } from './wxpay.test-support';

let rig: WxpayRig;
let send: WxpayRig['send'];
let authorization: WxpayRig['authorization'];
let order: WxpayRig['order'];
let mchid: string;
beforeAll(async () => {
  rig = await startWxpayRig();
  ({ send, authorization, order } = rig);
  mchid = rig.keys.mchid;
});
afterAll(() => rig.close());

/** What WeChat sends with an answer it signed: all five headers, and a signature that verifies over timestamp\nnonce\nbody\n. */
function expectSigned(r: SignedAnswer): void {
  expect(r.headers.get('wechatpay-serial')).toBe(rig.keys.platformKeys[0]!.serial);
  expect(r.headers.get('wechatpay-signature-type')).toBe('WECHATPAY2-SHA256-RSA2048');
  expect(r.headers.get('wechatpay-timestamp')).toMatch(/^\d{10}$/);
  expect(r.headers.get('wechatpay-nonce')).toMatch(/^[A-Z0-9]{32}$/);
  expect(r.signedOk).toBe(true);
  expect(r.headers.get('request-id')).toMatch(/^08[A-Z0-9]{30}$/);
}

/** An answer WeChat could not or did not sign: a Request-ID and none of the signature headers. */
function expectUnsigned(r: SignedAnswer): void {
  expect(r.headers.get('request-id')).toMatch(/^08[A-Z0-9]{30}$/);
  for (const h of ['wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-serial', 'wechatpay-signature-type'])
    expect(r.headers.get(h)).toBeNull();
}

describe('WeChat Pay mock: request signatures', () => {
  it('accepts a correctly signed JSAPI order and signs its answer with the platform key', async () => {
    const r = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0001'));
    expect(r.status).toBe(200);
    expect(r.body.prepay_id).toMatch(/^wx/);
    expectSigned(r);
  });

  it.each([
    ['a timestamp 301 s off', { skew: -301 }],
    ['an unknown merchant serial', { serial: 'ABCDEF0123456789' }],
    ['another mchid', { mchid: '1900000999' }],
  ])('answers 401 SIGN_ERROR with a Request-ID and no signature to %s (WeChat signs only what it authenticated)', async (_l, o) => {
    const body = order('JSBUNIT0002');
    const r = await send('POST', '/v3/pay/transactions/jsapi', body, authorization('POST', '/v3/pay/transactions/jsapi', body, o));
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SIGN_ERROR');
    expectUnsigned(r);
  });

  it('refuses a body changed after signing', async () => {
    const auth = authorization('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0003', 8000));
    const r = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0003', 1), auth);
    expect([r.status, r.body.code]).toEqual([401, 'SIGN_ERROR']);
    expectUnsigned(r);
  });
});

describe('WeChat Pay mock: order state machine and error codes', () => {
  it('NOTPAY → SUCCESS, then ORDERPAID on close and on a repeat; unknown orders are ORDER_NOT_EXIST 404', async () => {
    const created = await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0010'));
    expect((await send('GET', `/v3/pay/transactions/out-trade-no/JSBUNIT0010?mchid=${mchid}`)).body.trade_state).toBe('NOTPAY');
    const paid = await fetch(`${rig.url}/__mock/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prepayId: created.body.prepay_id }),
    });
    expect(paid.status).toBe(200);
    expect((await send('GET', `/v3/pay/transactions/out-trade-no/JSBUNIT0010?mchid=${mchid}`)).body.trade_state).toBe('SUCCESS');
    const close = await send('POST', '/v3/pay/transactions/out-trade-no/JSBUNIT0010/close', JSON.stringify({ mchid }));
    expect([close.status, close.body.code]).toEqual([403, 'ORDERPAID']);
    expect((await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0010'))).body.code).toBe('ORDERPAID');
    const missing = await send('GET', `/v3/pay/transactions/out-trade-no/JSBNOPE0001?mchid=${mchid}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'ORDER_NOT_EXIST']);
  });

  it('closes a NOTPAY order with a signed 204, after which it is ORDER_CLOSED', async () => {
    await send('POST', '/v3/pay/transactions/jsapi', order('JSBUNIT0020'));
    const close = await send('POST', '/v3/pay/transactions/out-trade-no/JSBUNIT0020/close', JSON.stringify({ mchid }));
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

describe('WeChat Pay mock: every answer to an authenticated request is signed, business errors included', () => {
  const adminPost = (path: string, body: unknown) =>
    fetch(`${rig.url}/__mock${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  afterEach(async () => {
    await fetch(`${rig.url}/__mock/wxpay/faults`, { method: 'DELETE' });
    await fetch(`${rig.url}/__mock/faults`, { method: 'DELETE' });
  });

  it('404 ORDER_NOT_EXIST for an unknown out_trade_no', async () => {
    const r = await send('GET', `/v3/pay/transactions/out-trade-no/JSBSIGN0404?mchid=${mchid}`);
    expect([r.status, r.body.code]).toEqual([404, 'ORDER_NOT_EXIST']);
    expectSigned(r);
  });

  it('403 ORDERPAID for closing a paid order', async () => {
    const created = await send('POST', '/v3/pay/transactions/jsapi', order('JSBSIGN0403'));
    expect((await adminPost('/pay', { prepayId: created.body.prepay_id })).status).toBe(200);
    const r = await send('POST', '/v3/pay/transactions/out-trade-no/JSBSIGN0403/close', JSON.stringify({ mchid }));
    expect([r.status, r.body.code]).toEqual([403, 'ORDERPAID']);
    expectSigned(r);
  });

  it.each([
    ['a negative amount', () => order('JSBSIGN0400', -5)],
    ['a body that is not JSON', () => '{"appid":'],
  ])('400 PARAM_ERROR for %s', async (_l, body) => {
    const r = await send('POST', '/v3/pay/transactions/jsapi', body());
    expect([r.status, r.body.code]).toEqual([400, 'PARAM_ERROR']);
    expectSigned(r);
  });

  it('400 ORDER_CLOSED, 404 RESOURCE_NOT_EXISTS for an unknown path, and the 204 of a close', async () => {
    await send('POST', '/v3/pay/transactions/jsapi', order('JSBSIGN0204'));
    const closed = await send('POST', '/v3/pay/transactions/out-trade-no/JSBSIGN0204/close', JSON.stringify({ mchid }));
    expect([closed.status, closed.text]).toEqual([204, '']);
    expectSigned(closed);
    const again = await send('POST', '/v3/pay/transactions/jsapi', order('JSBSIGN0204'));
    expect([again.status, again.body.code]).toEqual([400, 'ORDER_CLOSED']);
    expectSigned(again);
    const unknown = await send('GET', '/v3/no/such/api');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
    expectSigned(unknown);
  });

  it('a request signed with another key gets 401 SIGN_ERROR with a Request-ID and without Wechatpay-Signature', async () => {
    const body = order('JSBSIGN0401');
    const forged = authorization('POST', '/v3/pay/transactions/jsapi', body).replace(
      /signature="[^"]+"/,
      `signature="${Buffer.from('x'.repeat(256)).toString('base64')}"`,
    );
    const r = await send('POST', '/v3/pay/transactions/jsapi', body, forged);
    expect([r.status, r.body.code]).toEqual([401, 'SIGN_ERROR']);
    expectUnsigned(r);
    expect(rig.mock.state.orders.has('JSBSIGN0401')).toBe(false);
  });

  it('keeps the answer fault switches: a garbage signature, an unknown serial, a skewed clock (errors too)', async () => {
    await adminPost('/wxpay/faults', { badResponseSignature: true });
    const bad = await send('GET', `/v3/pay/transactions/out-trade-no/JSBSIGNFLT1?mchid=${mchid}`);
    expect([bad.status, bad.signedOk, bad.headers.has('wechatpay-signature')]).toEqual([404, false, true]);
    await adminPost('/wxpay/faults', { badResponseSignature: false, unknownResponseSerial: true, clockSkewSeconds: -600 });
    const skewed = await send('GET', `/v3/pay/transactions/out-trade-no/JSBSIGNFLT1?mchid=${mchid}`);
    expect(skewed.signedOk).toBe(true);
    expect(skewed.headers.get('wechatpay-serial')).toMatch(/UNKNOWN$/);
    expect(Number(skewed.headers.get('wechatpay-timestamp'))).toBeLessThan(Date.now() / 1000 - 500);
  });

  it('an injected 5xx is unsigned, like a failing gateway in front of WeChat Pay, and still has a Request-ID', async () => {
    await adminPost('/faults', { errorRate: 1, errorStatus: 503 });
    const r = await send('GET', `/v3/pay/transactions/out-trade-no/JSBSIGN0503?mchid=${mchid}`);
    expect([r.status, r.body.code]).toEqual([503, 'SYSTEM_ERROR']);
    expectUnsigned(r);
  });
});
