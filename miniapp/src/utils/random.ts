/**
 * Random identifiers that only need to be unique, not secret (idempotency keys, development openids).
 * Math.random is enough here and exists on every platform, unlike crypto on older WeChat clients.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function randomString(length: number, random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '0';
  return out;
}

/** One key per citizen action, e.g. `k1a2b3c4-…`: time first so that keys sort by creation. */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36)}-${randomString(16, random)}`;
}
