import { createSign, randomBytes } from 'node:crypto';
import { signMessage } from './wxpay.crypto';
import { startWxpayRig, TEST_APPID, type WxpayRig } from './wxpay.test-support';

let rig: WxpayRig;
beforeAll(async () => {
  rig = await startWxpayRig();
});
afterAll(() => rig.close());

let seq = 0;
/** A fresh NOTPAY order at the mock, made over the signed API; returns its number and prepay_id. */
async function newOrder(): Promise<{ no: string; prepayId: string }> {
  seq += 1;
  const no = `JSBRP${String(seq).padStart(4, '0')}${Date.now() % 100000}`;
  const r = await rig.send('POST', '/v3/pay/transactions/jsapi', rig.order(no));
  if (r.status !== 200) throw new Error(`jsapi ${r.status} ${r.text}`);
  return { no, prepayId: String(r.body.prepay_id) };
}

/** What the bff hands the app for wx.requestPayment (plus the runtime's appId), signed with the merchant key. */
function sheet(prepayId: string, o: { appId?: string; signWith?: string; signType?: string } = {}) {
  const appId = o.appId ?? TEST_APPID;
  const timeStamp = String(Math.floor(Date.now() / 1000));
  const nonceStr = randomBytes(16).toString('hex');
  const pkg = `prepay_id=${prepayId}`;
  const paySign = createSign('RSA-SHA256')
    .update(signMessage([appId, timeStamp, nonceStr, pkg]))
    .sign(o.signWith ?? rig.keys.merchantPrivateKeyPem, 'base64');
  return { appId, timeStamp, nonceStr, package: pkg, signType: o.signType ?? 'RSA', paySign };
}

async function requestPayment(body: Record<string, unknown>) {
  const res = await fetch(`${rig.url}/__mock/jsapi/request-payment`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { errMsg: string } };
}

const tradeState = (no: string) => rig.mock.state.orders.get(no)?.trade_state;
const notificationsOf = (no: string) => rig.mock.state.notifications.filter((n) => n.outTradeNo === no);

describe('POST /__mock/jsapi/request-payment (the pay sheet of wx.requestPayment)', () => {
  it('pays the order like POST /__mock/pay, notification included, and answers requestPayment:ok', async () => {
    const { no, prepayId } = await newOrder();
    const r = await requestPayment({ ...sheet(prepayId), action: 'pay' });
    expect(r).toEqual({ status: 200, body: { errMsg: 'requestPayment:ok' } });
    expect(tradeState(no)).toBe('SUCCESS');
    expect(rig.mock.state.orders.get(no)?.transaction_id).toMatch(/^42000/);
    expect(notificationsOf(no)).toEqual([expect.objectContaining({ eventType: 'TRANSACTION.SUCCESS', url: 'http://127.0.0.1:9/notify' })]);
    // the sheet is not shown again for a paid order
    const again = await requestPayment({ ...sheet(prepayId), action: 'pay' });
    expect(again.status).toBe(409);
    expect(again.body.errMsg).toMatch(/^requestPayment:fail order paid/);
    expect(notificationsOf(no)).toHaveLength(1);
  });

  it('answers requestPayment:fail cancel when the citizen cancels, and changes nothing', async () => {
    const { no, prepayId } = await newOrder();
    const r = await requestPayment({ ...sheet(prepayId), action: 'cancel' });
    expect(r).toEqual({ status: 200, body: { errMsg: 'requestPayment:fail cancel' } });
    expect(tradeState(no)).toBe('NOTPAY');
    expect(notificationsOf(no)).toHaveLength(0);
  });

  it.each([
    ['a paySign made with another key', () => ({ signWith: rig.keys.platformKeys[0]!.privateKeyPem }), 403, /^requestPayment:fail invalid paySign/],
    ['another appId than the order’s', () => ({ appId: 'wx00000000000000ff' }), 403, /^requestPayment:fail appId does not match/],
    ['signType HMAC-SHA256 (APIv2)', () => ({ signType: 'HMAC-SHA256' }), 400, /^requestPayment:fail parameter error: signType/],
  ])('refuses %s before showing the sheet, and nothing is paid', async (_l, opts, status, errMsg) => {
    const { no, prepayId } = await newOrder();
    const r = await requestPayment({ ...sheet(prepayId, opts()), action: 'pay' });
    expect(r.status).toBe(status);
    expect(r.body.errMsg).toMatch(errMsg);
    expect(tradeState(no)).toBe('NOTPAY');
    expect(notificationsOf(no)).toHaveLength(0);
  });

  it('refuses a paySign over other parameters (the package of another order)', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const r = await requestPayment({ ...sheet(a.prepayId), package: `prepay_id=${b.prepayId}`, action: 'pay' });
    expect([r.status, r.body.errMsg]).toEqual([403, expect.stringMatching(/^requestPayment:fail invalid paySign/)]);
    expect([tradeState(a.no), tradeState(b.no)]).toEqual(['NOTPAY', 'NOTPAY']);
  });

  it('refuses a prepay_id older than 2 hours on the mock clock', async () => {
    const { no, prepayId } = await newOrder();
    rig.clock.advance(2 * 3600_000 + 1_000);
    try {
      const r = await requestPayment({ ...sheet(prepayId), action: 'pay' });
      expect(r.status).toBe(409);
      expect(r.body.errMsg).toMatch(/^requestPayment:fail prepay_id expired/);
      expect(tradeState(no)).toBe('NOTPAY');
    } finally {
      rig.clock.advance(-(2 * 3600_000 + 1_000));
    }
  });

  it('refuses a closed order, an unknown prepay_id, a package that is not prepay_id=… and missing fields', async () => {
    const { no, prepayId } = await newOrder();
    expect((await rig.send('POST', `/v3/pay/transactions/out-trade-no/${no}/close`, JSON.stringify({ mchid: rig.keys.mchid }))).status).toBe(204);
    const closed = await requestPayment({ ...sheet(prepayId), action: 'pay' });
    expect([closed.status, closed.body.errMsg]).toEqual([409, expect.stringMatching(/^requestPayment:fail order closed/)]);
    const unknown = await requestPayment({ ...sheet('wx20260302100000nosuchprepay00'), action: 'pay' });
    expect([unknown.status, unknown.body.errMsg]).toEqual([404, 'requestPayment:fail prepay_id not found']);
    const v2 = await requestPayment({ ...sheet(prepayId), package: 'Sign=WXPay', action: 'pay' });
    expect([v2.status, v2.body.errMsg]).toEqual([400, expect.stringMatching(/^requestPayment:fail parameter error: package/)]);
    const { paySign: _omitted, ...noSign } = sheet(prepayId);
    const missing = await requestPayment({ ...noSign, action: 'pay' });
    expect([missing.status, missing.body.errMsg]).toEqual([400, expect.stringMatching(/^requestPayment:fail parameter error: paySign/)]);
    const noAction = await requestPayment(sheet(prepayId));
    expect([noAction.status, noAction.body.errMsg]).toEqual([400, expect.stringMatching(/^requestPayment:fail parameter error: action/)]);
  });
});
