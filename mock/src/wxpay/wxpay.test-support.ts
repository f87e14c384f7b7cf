import { createSign, randomUUID } from 'node:crypto';
import { createMockClock, type MockClock } from '../infra/clock';
import { listen } from '../infra/server';
import { loadOrCreateWxpayKeys, type WxpayKeys } from './keys';
import { createWxpayMock, type WxpayMock } from './wxpay.mock';
import { rsaVerify, signMessage } from './wxpay.crypto';

/** The WeChat Pay mock over real HTTP for its own tests, with a merchant's signing helpers. Not used at run time. */
export const TEST_APPID = 'wx1234567890abcdef';

export interface SignedAnswer {
  status: number;
  text: string;
  body: Record<string, unknown>;
  headers: Headers;
  /** Wechatpay-Signature verifies with the platform public key over timestamp\nnonce\nbody\n */
  signedOk: boolean;
}

export interface WxpayRig {
  keys: WxpayKeys;
  mock: WxpayMock;
  clock: MockClock;
  url: string;
  close(): Promise<void>;
  /** `Authorization` as a merchant signs it: METHOD\nURL\ntimestamp\nnonce\nbody\n with the merchant key */
  authorization(method: string, url: string, body: string, o?: { skew?: number; serial?: string; mchid?: string }): string;
  /** a /v3 call, signed correctly unless `auth` is given */
  send(method: string, url: string, body?: string, auth?: string): Promise<SignedAnswer>;
  /** a JSAPI order body for out_trade_no `no` */
  order(no: string, total?: number): string;
}

export async function startWxpayRig(start = new Date('2026-03-02T02:00:00Z')): Promise<WxpayRig> {
  const keys = loadOrCreateWxpayKeys();
  const clock = createMockClock(start, { frozen: true });
  const mock = createWxpayMock({
    clock,
    admin: true,
    mchid: keys.mchid,
    appid: TEST_APPID,
    merchantCertPem: keys.merchantCertPem,
    platformKeys: keys.platformKeys,
    apiV3Key: keys.apiV3Key,
  });
  const server = await listen(mock.app, 0);

  const authorization: WxpayRig['authorization'] = (method, url, body, o = {}) => {
    const ts = String(Math.floor(Date.now() / 1000) + (o.skew ?? 0));
    const nonce = randomUUID().replace(/-/g, '');
    const signature = createSign('RSA-SHA256')
      .update(signMessage([method, url, ts, nonce, body]))
      .sign(keys.merchantPrivateKeyPem, 'base64');
    return `WECHATPAY2-SHA256-RSA2048 mchid="${o.mchid ?? keys.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${ts}",serial_no="${o.serial ?? keys.merchantSerial}"`;
  };

  const send: WxpayRig['send'] = async (method, url, body = '', auth) => {
    const res = await fetch(server.url + url, {
      method,
      headers: { authorization: auth ?? authorization(method, url, body), 'content-type': 'application/json' },
      body: body || undefined,
    });
    const text = await res.text();
    const h = (name: string) => res.headers.get(name) ?? '';
    const signedOk = rsaVerify(
      signMessage([h('wechatpay-timestamp'), h('wechatpay-nonce'), text]),
      h('wechatpay-signature'),
      keys.platformKeys[0]!.publicKeyPem,
    );
    return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers, signedOk };
  };

  const order = (no: string, total = 8000) =>
    JSON.stringify({
      appid: TEST_APPID,
      mchid: keys.mchid,
      description: '不动产登记费',
      out_trade_no: no,
      notify_url: 'http://127.0.0.1:9/notify',
      amount: { total, currency: 'CNY' },
      payer: { openid: 'o_test_payer' },
    });

  return { keys, mock, clock, url: server.url, close: () => server.close(), authorization, send, order };
}
