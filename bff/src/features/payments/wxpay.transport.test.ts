import { createSign, generateKeyPairSync } from 'node:crypto';
import { UpstreamError } from '../../clients/http';
import { createPayTransport } from './wxpay.transport';

const SERIAL = 'PUB_KEY_ID_0119000001090000000000000000TEST';
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platformKeys = { [SERIAL]: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
const URL_QUERY = 'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/JSB0001?mchid=1900000109';

/** Headers the way WeChat Pay signs an answer: RSA-SHA256 over timestamp\nnonce\nbody\n with the platform key. */
function signed(body: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = 'N0NCE0123456789ABCDEFGHIJKLMNOPQ';
  const signature = createSign('RSA-SHA256').update(`${ts}\n${nonce}\n${body}\n`).sign(platform.privateKey, 'base64');
  return {
    'Wechatpay-Timestamp': ts,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': SERIAL,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A transport whose fetch answers `status` with `body`, signed unless told otherwise. */
function transportAnswering(status: number, body: string, o: { sign?: boolean } = {}) {
  const log = { error: jest.fn() };
  const headers = { 'Content-Type': 'application/json', 'Request-ID': '08REQUESTID000000000000000000001', ...(o.sign === false ? {} : signed(body)) };
  const fetch = jest.fn(async () => new Response(status === 204 ? null : body, { status, headers }));
  const t = createPayTransport({ baseUrl: 'http://127.0.0.1:9', platformKeys, timeoutMs: 1000, fetch: fetch as unknown as typeof globalThis.fetch, log });
  return { t, log };
}

const orderNotExist = JSON.stringify({ code: 'ORDER_NOT_EXIST', message: '订单不存在' });

describe('WeChat Pay transport: every answer is verified before anything in it is used', () => {
  it('hands a signed 2xx to the library', async () => {
    const body = JSON.stringify({ trade_state: 'NOTPAY' });
    const { t } = transportAnswering(200, body);
    await expect(t.get(URL_QUERY, {})).resolves.toEqual({ status: 200, data: { trade_state: 'NOTPAY' } });
  });

  it('hands a signed 4xx to the library as a refusal (reconciliation acts on ORDER_NOT_EXIST and ORDERPAID)', async () => {
    const { t } = transportAnswering(404, orderNotExist);
    await expect(t.get(URL_QUERY, {})).resolves.toEqual({ status: 404, data: JSON.parse(orderNotExist), error: orderNotExist });
  });

  it('treats an unsigned 2xx as forged', async () => {
    const { t } = transportAnswering(200, JSON.stringify({ trade_state: 'SUCCESS' }), { sign: false });
    await expect(t.get(URL_QUERY, {})).rejects.toMatchObject({ name: 'UpstreamError', kind: 'protocol', message: expect.stringContaining('missing-headers') });
  });

  it('treats an unsigned 4xx other than 401 as forged: its code is never acted on', async () => {
    const { t } = transportAnswering(404, orderNotExist, { sign: false });
    await expect(t.get(URL_QUERY, {})).rejects.toMatchObject({ kind: 'protocol', status: 404 });
  });

  it('logs an unsigned 401 as our configuration error and fails as an upstream error, without trusting its body', async () => {
    const { t, log } = transportAnswering(401, JSON.stringify({ code: 'ORDER_NOT_EXIST', message: 'forged' }), { sign: false });
    const err = await t.post('https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi', { a: 1 }, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ kind: 'protocol', status: 401 });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]).toEqual([
      expect.objectContaining({ status: 401, requestId: '08REQUESTID000000000000000000001' }),
      expect.stringContaining('WXPAY_MERCHANT_SERIAL'),
    ]);
  });

  it('treats any 5xx, signed or not, as a server failure', async () => {
    const body = JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统异常' });
    for (const sign of [true, false]) {
      const { t } = transportAnswering(503, body, { sign });
      await expect(t.get(URL_QUERY, {})).rejects.toMatchObject({ kind: 'server', status: 503 });
    }
  });

  it('verifies a 204: an unsigned one is refused, a signed one passes', async () => {
    await expect(transportAnswering(204, '', { sign: false }).t.post(URL_QUERY, {}, {})).rejects.toMatchObject({ kind: 'protocol' });
    await expect(transportAnswering(204, '').t.post(URL_QUERY, {}, {})).resolves.toEqual({ status: 204, data: undefined });
  });
});
