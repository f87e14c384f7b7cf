import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * WeChat Pay v3 signature checks, shared by the transport (answers) and the notification endpoint.
 * Transport security runs on real time (the peer signs with its own clock), never on the business clock.
 */
export const MAX_SKEW_SECONDS = 300;
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

export type SignatureVerdict = { ok: true } | { ok: false; reason: 'missing-headers' | 'signtest' | 'stale-timestamp' | 'unknown-serial' | 'bad-signature' };

export interface SignedMessage {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
  body: string;
}

/** In this order: SIGNTEST probe refused, timestamp within 300 s, key by serial, RSA-SHA256 over ts\nnonce\nbody\n. */
export function checkSignature(m: SignedMessage, keys: Record<string, string>, nowMs: number): SignatureVerdict {
  const { timestamp, nonce, signature, serial } = m;
  if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing-headers' };
  if (signature.startsWith(SIGNTEST_PREFIX)) return { ok: false, reason: 'signtest' };
  const ts = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - ts) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale-timestamp' };
  const key = Object.hasOwn(keys, serial) ? keys[serial] : undefined;
  if (!key) return { ok: false, reason: 'unknown-serial' };
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${m.body}\n`).verify(key, signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: 'bad-signature' };
}

/**
 * AEAD_AES_256_GCM with the tag checked (`final()` throws on a wrong key, nonce, associated data or ciphertext).
 * wechatpay-node-v3's `decipher_gcm` never calls `final()`, so it returns garbage instead of failing.
 */
export function decryptResource(r: { ciphertext: string; nonce: string; associated_data?: string }, apiV3Key: string): string {
  const raw = Buffer.from(r.ciphertext, 'base64');
  if (raw.length <= 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** A 32-character random string from a CSPRNG (the library uses Math.random, up to 15 characters). */
export function nonce32(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < 32) for (const b of randomBytes(40)) if (b < 248 && out.length < 32) out += alphabet[b % 62];
  return out;
}

/** paySign for wx.requestPayment: SHA256withRSA over appId\ntimeStamp\nnonceStr\npackage\n with the merchant key. */
export function signRequestPayment(o: { appId: string; prepayId: string; privateKeyPem: string; nowMs: number }) {
  const timeStamp = String(Math.floor(o.nowMs / 1000));
  const nonceStr = nonce32();
  const pkg = `prepay_id=${o.prepayId}`;
  const paySign = createSign('RSA-SHA256').update(`${o.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(o.privateKeyPem, 'base64');
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign };
}
