import { createVerify, X509Certificate } from 'node:crypto';
import type { CreatePaymentResponse, MyBills, Payment, PaymentList, TokenPair, UtilityLookup } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';
import { newPerson, renew } from '../support/citizens';

// Monday 2 March 2026, 10:00 in Jining
const START = new Date('2026-03-02T02:00:00Z');

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'payments', start: START });
  s.clock.freeze();
  s.clock.set(START);
});
afterAll(() => s.close());
afterEach(async () => {
  await call(s.wxpayUrl, 'DELETE', '/__mock/wxpay/faults');
});

type Citizen = TokenPair & { feeId: string };
type Fail = { code: string; message: string };
type CorePayable = { status: string; transactionId?: string; reports: { kind: string; id: string; recorded: boolean }[] };

let feeSeq = 0;
/** A signed-in, real-name citizen with one 不动产登记费 of 80 元 on their case. */
async function citizenWithFee(amountFen = 8000): Promise<Citizen> {
  const t = await signIn(s, openid());
  const p = await newPerson(s);
  const rn = await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: p });
  if (rn.status !== 200) throw new Error(`real-name ${rn.status} ${rn.text}`);
  feeSeq += 1;
  const fee = await call<{ id: string }>(s.coreUrl, 'POST', '/__mock/fees', {
    body: { idNumber: p.idNumber, caseNumber: `JN2026BDC9${String(feeSeq).padStart(5, '0')}`, title: '不动产登记费（住宅）', amountFen },
  });
  return { ...t, feeId: fee.body.id };
}

const pay = (c: Citizen, key?: string) =>
  call<CreatePaymentResponse & ErrBody>(s.bffUrl, 'POST', '/api/v1/payments', {
    token: c.accessToken,
    body: { payableId: c.feeId },
    headers: key ? { 'idempotency-key': key } : {},
  });
const getPayment = (c: Citizen, id: string) => call<Payment & ErrBody>(s.bffUrl, 'GET', `/api/v1/payments/${id}`, { token: c.accessToken });
const corePayable = async (id: string) => (await call<CorePayable>(s.coreUrl, 'GET', `/__mock/payables/${id}`)).body;
const prepayOf = (r: CreatePaymentResponse) => r.requestPayment.package.replace('prepay_id=', '');
const confirmAtWechat = (prepayId: string) =>
  call<{ notification: { state: string; status: number | null } }>(s.wxpayUrl, 'POST', '/__mock/pay', { body: { prepayId } });
const craft = (outTradeNo: string, variant: string, extra: Record<string, unknown> = {}) =>
  call<{ results: { status: number | null; body?: string }[] }>(s.wxpayUrl, 'POST', '/__mock/notifications/craft', { body: { outTradeNo, variant, ...extra } });
const faults = (body: Record<string, unknown>) => call(s.wxpayUrl, 'POST', '/__mock/wxpay/faults', { body });

describe('GET /api/v1/bills/mine and /api/v1/bills/utility', () => {
  it('lists the fees on my cases with the amount the core holds', async () => {
    const c = await citizenWithFee();
    const r = await call<MyBills>(s.bffUrl, 'GET', '/api/v1/bills/mine', { token: c.accessToken });
    expect(r.status).toBe(200);
    expect(r.body.fees).toEqual([
      expect.objectContaining({ id: c.feeId, title: '不动产登记费（住宅）', amountFen: 8000, status: 'due', caseNumber: expect.stringMatching(/^JN2026BDC/) }),
    ]);
  });

  it('finds a water bill by account number, with the holder masked and earlier months already paid', async () => {
    const c = await citizenWithFee();
    const r = await call<UtilityLookup>(s.bffUrl, 'GET', '/api/v1/bills/utility?accountNumber=0101203456', { token: c.accessToken });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({ utility: 'water', holderName: '张*', company: '济宁市城市供水有限公司' });
    expect(r.body.bills.map((b) => [b.period, b.status, b.amountFen])).toEqual([
      ['2026-02', 'due', 4200],
      ['2026-01', 'paid', 3640],
    ]);
    const missing = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/bills/utility?accountNumber=9999999999', { token: c.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('POST /api/v1/payments (createPayment)', () => {
  it('answers exactly what Taro.requestPayment needs, signed with the merchant key over appId, timeStamp, nonceStr and package', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    expect(r.status).toBe(201);
    expect(Object.keys(r.body.requestPayment).sort()).toEqual(['nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    const { timeStamp, nonceStr, package: pkg, paySign, signType } = r.body.requestPayment;
    expect(signType).toBe('RSA');
    expect(nonceStr).toMatch(/^[A-Za-z0-9]{32}$/);
    const key = new X509Certificate(s.wxpayKeys.merchantCertPem).publicKey;
    expect(createVerify('RSA-SHA256').update(`${s.config.WECHAT_APPID}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).verify(key, paySign, 'base64')).toBe(true);
    expect(r.body.payment).toMatchObject({ status: 'pending', amountFen: 8000, payableId: c.feeId });
    expect(r.body.devPayUrl).toContain(`/__mock/pay?prepay_id=${prepayOf(r.body)}`);
    const order = await call<{ amount: { total: number }; trade_state: string }>(s.wxpayUrl, 'GET', `/__mock/orders/${r.body.payment.id}`);
    expect(order.body).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 8000 } });
  });

  it('never takes an amount from the client', async () => {
    const c = await citizenWithFee();
    const r = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/payments', { token: c.accessToken, body: { payableId: c.feeId, amountFen: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('re-signs the pending order with a fresh nonce instead of creating a second one', async () => {
    const c = await citizenWithFee();
    const first = await pay(c);
    const again = await pay(c);
    expect(again.body.payment.id).toBe(first.body.payment.id);
    expect(again.body.requestPayment.package).toBe(first.body.requestPayment.package);
    expect(again.body.requestPayment.nonceStr).not.toBe(first.body.requestPayment.nonceStr);
    expect(s.wxpay.state.orders.size).toBeGreaterThan(0);
    expect([...s.wxpay.state.orders.values()].filter((o) => o.attach === c.feeId)).toHaveLength(1);
  });

  it('returns the first answer again for a repeated Idempotency-Key', async () => {
    const c = await citizenWithFee();
    const a = await pay(c, 'pay-key-0001');
    const b = await pay(c, 'pay-key-0001');
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
  });
});

describe('paying a fee: WeChat notifies, the bff verifies, the core is told once', () => {
  it('marks the order paid with a receipt, and the core marks the fee paid', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    const confirmed = await confirmAtWechat(prepayOf(r.body));
    expect(confirmed.body.notification).toMatchObject({ state: 'delivered', status: 204 });
    const p = await getPayment(c, r.body.payment.id);
    expect(p.body.status).toBe('paid');
    expect(p.body.receipt).toMatchObject({ amountFen: 8000, title: '不动产登记费（住宅）', transactionId: expect.stringMatching(/^42000/) });
    const fee = await corePayable(c.feeId);
    expect(fee.status).toBe('paid');
    expect(fee.reports.filter((x) => x.kind === 'payment')).toHaveLength(1);
    const again = await pay(c);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_PAID');
    const list = await call<PaymentList>(s.bffUrl, 'GET', '/api/v1/payments', { token: c.accessToken });
    expect(list.body.payments[0]).toMatchObject({
      id: r.body.payment.id,
      status: 'paid',
      receipt: expect.objectContaining({ receiptNo: expect.stringMatching(/^JNPJ/) }),
    });
  });

  it.each(['tampered-body', 'unknown-serial', 'stale-timestamp', 'signtest', 'bad-signature', 'bad-tag'])(
    'refuses a %s notification with 4xx { code: FAIL } and changes nothing',
    async (variant) => {
      const c = await citizenWithFee();
      const r = await pay(c);
      const sent = await craft(r.body.payment.id, variant);
      const answer = sent.body.results[0]!;
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(JSON.parse(answer.body ?? '{}')).toMatchObject({ code: 'FAIL', message: expect.any(String) });
      expect((await getPayment(c, r.body.payment.id)).body.status).toBe('pending');
      const fee = await corePayable(c.feeId);
      expect(fee.status).toBe('due');
      expect(fee.reports).toHaveLength(0);
    },
  );

  it.each(['amount-mismatch', 'wrong-appid'])('flags a validly signed %s notification and does not mark it paid', async (variant) => {
    const c = await citizenWithFee();
    const r = await pay(c);
    const sent = await craft(r.body.payment.id, variant);
    expect(sent.body.results[0]?.status).toBe(204);
    const p = await getPayment(c, r.body.payment.id);
    expect(p.body.status).toBe('flagged');
    expect(p.body.receipt).toBeUndefined();
    expect((await corePayable(c.feeId)).reports).toHaveLength(0);
    const doc = await s.bff.models.payments.findById(r.body.payment.id).lean();
    expect(doc?.flag?.reason).toMatch(variant === 'amount-mismatch' ? /^amount 1/ : /^appid/);
  });

  it('20 duplicate notifications, 10 of them concurrent, make one transition and one call to the core', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    await faults({ dropNext: 1 }); // WeChat's own first delivery is lost; the duplicates below are all there is
    await confirmAtWechat(prepayOf(r.body));
    const concurrent = await craft(r.body.payment.id, 'valid', { copies: 10, concurrent: true });
    const sequential = await craft(r.body.payment.id, 'valid', { copies: 10 });
    const statuses = [...concurrent.body.results, ...sequential.body.results].map((x) => x.status);
    expect(statuses).toEqual(Array(20).fill(204));
    expect((await getPayment(c, r.body.payment.id)).body.status).toBe('paid');
    const fee = await corePayable(c.feeId);
    expect(fee.status).toBe('paid');
    expect(fee.reports).toEqual([expect.objectContaining({ kind: 'payment', recorded: true })]);
    const outcomes = await s.bff.models.paymentNotifications.find({ outTradeNo: r.body.payment.id }).lean();
    expect(outcomes.filter((n) => n.outcome === 'paid')).toHaveLength(1);
    expect(outcomes.filter((n) => n.outcome === 'duplicate')).toHaveLength(19);
  });

  it('retries a refused delivery on WeChat’s schedule (15 s), fast-forwarded by the mock clock', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    await faults({ badSignature: true });
    const first = await confirmAtWechat(prepayOf(r.body));
    expect(first.body.notification).toMatchObject({ state: 'pending', status: 401 });
    await faults({ badSignature: false });
    s.clock.advance(14_000);
    expect((await call<{ attempted: number }>(s.wxpayUrl, 'POST', '/__mock/notifications/pump')).body.attempted).toBe(0);
    s.clock.advance(1_000);
    expect((await call<{ delivered: number }>(s.wxpayUrl, 'POST', '/__mock/notifications/pump')).body.delivered).toBe(1);
    expect((await s.bff.models.payments.findById(r.body.payment.id).lean())?.status).toBe('paid');
  });
});

describe('reconciliation (payment-reconcile job)', () => {
  it('repairs a lost notification: WeChat says paid, so the order is paid and the core told', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    await faults({ dropNext: 1 });
    await confirmAtWechat(prepayOf(r.body));
    expect((await s.bff.models.payments.findById(r.body.payment.id).lean())?.status).toBe('pending');
    s.clock.advance(2 * 60_000);
    const round = await s.bff.payments.reconcile!();
    expect(round.paid).toBeGreaterThanOrEqual(1);
    expect((await s.bff.models.payments.findById(r.body.payment.id).lean())?.status).toBe('paid');
    expect((await corePayable(c.feeId)).reports).toHaveLength(1);
  });

  it('closes an order nobody paid once it expired, at WeChat too', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    s.clock.advance(2 * 3600_000 + 60_000);
    await renew(s, c);
    await s.bff.payments.reconcile!();
    expect((await getPayment(c, r.body.payment.id)).body.status).toBe('closed');
    const order = await call<{ trade_state: string }>(s.wxpayUrl, 'GET', `/__mock/orders/${r.body.payment.id}`);
    expect(order.body.trade_state).toBe('CLOSED');
    const late = await confirmAtWechat(prepayOf(r.body));
    expect(late.status).toBe(409);
    // the citizen can simply start again: a new order
    const fresh = await pay(c);
    expect(fresh.status).toBe(201);
    expect(fresh.body.payment.id).not.toBe(r.body.payment.id);
  });

  it('closes an expired order WeChat never got: its signed 404 ORDER_NOT_EXIST is believed', async () => {
    // the bff stopped between saving the order and calling WeChat: the order exists only here
    const c = await citizenWithFee();
    const now = s.clock.now();
    const id = `JSB${String(Date.now()).slice(-12)}NEVERSENT`;
    const order = { userId: 'never-sent', openid: 'o_never_sent', payableId: c.feeId, kind: 'fee' as const, title: '不动产登记费（住宅）', amountFen: 8000 };
    await s.bff.models.payments.create({
      _id: id,
      ...order,
      appid: s.config.WECHAT_APPID,
      mchid: s.wxpayKeys.mchid,
      status: 'pending',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30 * 60_000),
    });
    s.clock.advance(2 * 60_000);
    await s.bff.payments.reconcile!();
    expect((await s.bff.models.payments.findById(id).lean())?.status).toBe('pending');
    s.clock.advance(30 * 60_000);
    await s.bff.payments.reconcile!();
    expect(await s.bff.models.payments.findById(id).lean()).toMatchObject({ status: 'closed', closedReason: 'never reached WeChat' });
  });
});

describe('POST /api/v1/payments/:id/refund', () => {
  it('refunds a fee of a withdrawn application: WeChat refunds, notifies, and the core marks it refunded', async () => {
    const c = await citizenWithFee();
    const r = await pay(c);
    await confirmAtWechat(prepayOf(r.body));
    const early = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/payments/${r.body.payment.id}/refund`, { token: c.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('REFUND_NOT_ALLOWED');
    await call(s.coreUrl, 'POST', `/__mock/staff/fees/${c.feeId}/refundable`, { body: { reason: '申请人撤回申请' } });
    expect((await getPayment(c, r.body.payment.id)).body.canRefund).toBe(true);
    const asked = await call<Payment>(s.bffUrl, 'POST', `/api/v1/payments/${r.body.payment.id}/refund`, { token: c.accessToken });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'refunding', refund: { status: 'processing', amountFen: 8000 } });
    s.clock.advance(61_000);
    await renew(s, c);
    await call(s.wxpayUrl, 'POST', '/__mock/notifications/pump');
    const done = await getPayment(c, r.body.payment.id);
    expect(done.body).toMatchObject({ status: 'refunded', refund: { status: 'succeeded' } });
    expect((await corePayable(c.feeId)).status).toBe('refunded');
  });
});

describe('the transport verifies every WeChat Pay answer (the library does not)', () => {
  it.each([
    ['a badly signed answer', { badResponseSignature: true }],
    ['an answer signed under an unknown serial', { unknownResponseSerial: true }],
  ])('refuses %s: the citizen is told to retry and no order is handed out', async (_label, fault) => {
    const c = await citizenWithFee();
    await faults(fault);
    const r = await pay(c);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await s.bff.models.payments.countDocuments({ payableId: c.feeId, status: 'pending' })).toBe(0);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE while WeChat Pay answers 5xx', async () => {
    const c = await citizenWithFee();
    await call(s.wxpayUrl, 'POST', '/__mock/faults', { body: { errorRate: 1, errorStatus: 500 } });
    try {
      const r = await pay(c);
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await call(s.wxpayUrl, 'DELETE', '/__mock/faults');
    }
  });
});

describe('POST /api/v1/payments/wechat/notify (wechatPayNotify) without a signature', () => {
  it('answers 400 { code: FAIL } to a body that is not even JSON', async () => {
    const r = await call<Fail>(s.bffUrl, 'POST', '/api/v1/payments/wechat/notify', { raw: '{nope', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('FAIL');
  });
});
