import { createCipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/** WeChat Pay v3 signature message: each part followed by a newline. */
export const signMessage = (parts: string[]): string => parts.map((p) => `${p}\n`).join('');

export function rsaSign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

export function rsaVerify(message: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** AEAD_AES_256_GCM as WeChat uses it: base64(ciphertext || 16-byte tag), a 12-character nonce. */
export function aeadEncrypt(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  nonce = randomAlnum(12),
): { ciphertext: string; nonce: string; associated_data: string } {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: body.toString('base64'), nonce, associated_data: associatedData };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomAlnum(n: number): string {
  let out = '';
  for (const b of randomBytes(n * 2)) {
    if (b < 252 && out.length < n) out += ALNUM[b % ALNUM.length];
  }
  return out.length === n ? out : out + randomAlnum(n - out.length);
}

/** RFC 3339 in Beijing time, the way WeChat writes times: 2026-03-02T09:00:00+08:00 */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`; null if malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(header.trim());
  if (!m?.[1]) return null;
  const fields: Record<string, string> = {};
  for (const part of m[1].split(',')) {
    const kv = /^\s*([a-z_]+)="?([^"]*)"?\s*$/.exec(part);
    if (kv?.[1]) fields[kv[1]] = kv[2] ?? '';
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}
