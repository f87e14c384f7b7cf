import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../../http/errors';

export interface TokenConfig {
  secret: string;
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
}

export interface AccessClaims {
  sub: string;
  sid: string;
}

// HS256 pinned: `alg: none` and algorithm confusion are refused by jsonwebtoken's `algorithms` check.
const ALG = 'HS256' as const;

/**
 * The signing secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to read it as a PEM public
 * (or private) key and only then as a secret, on every call: a failed key parse per request, the largest single cost
 * of a signed-in request in a CPU profile of the slot-listing benchmark.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret));
    keys.set(secret, key);
  }
  return key;
}

export function signAccessToken(cfg: TokenConfig, claims: AccessClaims, nowMs: number): string {
  return jwt.sign({ sid: claims.sid, iat: Math.floor(nowMs / 1000) }, keyOf(cfg.secret), {
    algorithm: ALG,
    subject: claims.sub,
    issuer: cfg.issuer,
    audience: cfg.audience,
    expiresIn: cfg.accessTtlSeconds,
  });
}

export function verifyAccessToken(cfg: TokenConfig, token: string, nowMs: number): AccessClaims {
  const { sub, sid } = verifyWithExpiry(cfg, token, nowMs);
  return { sub, sid };
}

function verifyWithExpiry(cfg: TokenConfig, token: string, nowMs: number): AccessClaims & { expMs: number } {
  try {
    const payload = jwt.verify(token, keyOf(cfg.secret), {
      algorithms: [ALG],
      issuer: cfg.issuer,
      audience: cfg.audience,
      clockTimestamp: Math.floor(nowMs / 1000),
    });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      throw new AppError('TOKEN_INVALID');
    }
    // every token we issue expires: one without exp, or living longer than we ever issue, is not ours (jsonwebtoken accepts both)
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > cfg.accessTtlSeconds) {
      throw new AppError('TOKEN_INVALID');
    }
    return { sub: payload.sub, sid: payload.sid, expMs: payload.exp * 1000 };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof jwt.TokenExpiredError) throw new AppError('TOKEN_EXPIRED', { cause: err });
    throw new AppError('TOKEN_INVALID', { cause: err });
  }
}

/** Refresh token = `<sessionId>.<generation>.<HMAC(familySecret, sessionId.generation)>`: verifiable for every past generation without storing them. */
export function makeRefreshToken(sessionId: string, generation: number, familySecret: string): string {
  return `${sessionId}.${generation}.${refreshMac(sessionId, generation, familySecret)}`;
}

function refreshMac(sessionId: string, generation: number, familySecret: string): string {
  return createHmac('sha256', familySecret).update(`${sessionId}.${generation}`).digest('base64url');
}

export function parseRefreshToken(token: string): { sessionId: string; generation: number; mac: string } | null {
  const m = /^([a-f0-9]{24})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  return { sessionId: m[1] as string, generation: Number(m[2]), mac: m[3] as string };
}

export function refreshMacMatches(parsed: { sessionId: string; generation: number; mac: string }, familySecret: string): boolean {
  const expected = Buffer.from(refreshMac(parsed.sessionId, parsed.generation, familySecret));
  const given = Buffer.from(parsed.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function newFamilySecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * verifyAccessToken with a memory of tokens it has verified: an app sends the same access token with every request for
 * its lifetime (minutes), so the HMAC check and JSON parse are done once per token and instance, not per request (10 %
 * of a signed-in slot listing's CPU in the benchmark's profile). A remembered token is only trusted until its own
 * expiry, on the business clock, exactly as a fresh verification would; a token that fails is never remembered.
 */
export function createAccessTokenVerifier(cfg: TokenConfig, o: { max?: number } = {}) {
  const max = o.max ?? 20_000;
  const known = new Map<string, AccessClaims & { expMs: number }>();
  return (token: string, nowMs: number): AccessClaims => {
    const hit = known.get(token);
    // jsonwebtoken refuses at exp (clockTimestamp >= exp): the same rule here
    if (hit && Math.floor(nowMs / 1000) * 1000 < hit.expMs) return { sub: hit.sub, sid: hit.sid };
    const claims = verifyWithExpiry(cfg, token, nowMs);
    if (known.size >= max) known.clear();
    known.set(token, claims);
    return { sub: claims.sub, sid: claims.sid };
  };
}
