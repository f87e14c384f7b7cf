import { createHmac } from 'node:crypto';
import { Types } from 'mongoose';
import type { TokenPair } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import { WechatApiError, type WechatClient } from '../../clients/wechat.client';
import type { CitizenModel, OpenidLinkModel } from './citizen.model';
import type { SessionModel } from './session.model';
import type { Claims } from '../../db/claims';
import { waitLabel, type RateLimiter } from '../../db/attempts';
import {
  createAccessTokenVerifier,
  makeRefreshToken,
  newFamilySecret,
  parseRefreshToken,
  refreshMacMatches,
  signAccessToken,
  type TokenConfig,
} from './tokens';
import { isDuplicateKey } from '../../db/duplicate';
import { findOneById } from '../../db/by-id';

export interface AuthServiceDeps {
  citizens: CitizenModel;
  links: OpenidLinkModel;
  sessions: SessionModel;
  claims: Claims;
  wechat: WechatClient;
  tokens: TokenConfig;
  /** derives a new citizen's userId from the openid (PII_HASH_SECRET) */
  userIdKey: string;
  refreshTtlSeconds: number;
  clock: () => Date;
  /**
   * How long this instance trusts a session it has just found live, in real milliseconds (0 = ask MongoDB on every
   * request). A revocation made on this instance takes effect at once; one made on another instance within this time.
   */
  sessionCacheMs?: number;
  /** sign-in attempts per client address (counted before WeChat is asked) and sign-ins per openid (after) */
  signInLimits?: { limiter: RateLimiter; perAddress: { max: number; windowMs: number }; perOpenid: { max: number; windowMs: number } };
}

export type AuthService = ReturnType<typeof createAuthService>;

const SIGN_IN_REFUSAL = {
  message: '登录太频繁，已暂时停止登录。',
  hint: (_at: Date, seconds: number) => `为保护您的账号，请${waitLabel(seconds)}后再点击“微信一键登录”；无需登录也可以凭办件编号和查询码查询进度。`,
};

export function createAuthService(d: AuthServiceDeps) {
  const cacheMs = d.sessionCacheMs ?? 5000;
  const verifyAccess = createAccessTokenVerifier(d.tokens);
  const live = new Map<string, { userId: string; expiresAt: number; checkedAt: number }>();
  const forget = (sessionId: string) => void live.delete(sessionId);
  const remember = (sessionId: string, userId: string, expiresAt: number) => {
    if (cacheMs <= 0) return;
    if (live.size > 50_000) live.clear();
    live.set(sessionId, { userId, expiresAt, checkedAt: Date.now() });
  };

  function pair(sessionId: string, userId: string, generation: number, familySecret: string, isNewCitizen: boolean): TokenPair {
    const now = d.clock().getTime();
    return {
      tokenType: 'Bearer',
      accessToken: signAccessToken(d.tokens, { sub: userId, sid: sessionId }, now),
      refreshToken: makeRefreshToken(sessionId, generation, familySecret),
      expiresIn: d.tokens.accessTtlSeconds,
      refreshExpiresIn: d.refreshTtlSeconds,
      isNewCitizen,
    };
  }

  async function exchangeCode(code: string) {
    try {
      return await d.wechat.code2Session(code);
    } catch (err) {
      if (err instanceof WechatApiError) {
        if (err.reason === 'code-used') throw new AppError('WECHAT_CODE_USED', { cause: err });
        if (err.reason === 'rate-limited') throw new AppError('WECHAT_RATE_LIMITED', { cause: err, headers: { 'Retry-After': '60' } });
        if (err.reason === 'code-invalid') throw new AppError('WECHAT_CODE_INVALID', { cause: err });
        throw new AppError('UPSTREAM_UNAVAILABLE', { cause: err, message: '微信登录服务暂时不可用。', hint: '请稍后再试，或先使用无需登录的办件查询。' });
      }
      throw err;
    }
  }

  /**
   * A new citizen's userId, from the openid under a key only the bff holds: two first sign-ins of one person at the
   * same moment make the same citizen, so neither needs to read what the other wrote. The link stays the truth for who
   * an openid is (citizens from before issue 14 have random userIds).
   */
  const newUserId = (openid: string) => `U${createHmac('sha256', d.userIdKey).update(`citizen:${openid}`).digest('hex').slice(0, 18)}`;

  /** Upserts the citizen by _id; true when this call created it. */
  async function ensureCitizen(userId: string, wx: { openid: string; unionid?: string }): Promise<boolean> {
    try {
      // the driver's own updateOne, with what mongoose would add (its defaults and timestamps): no document casting
      const at = new Date();
      const r = await d.citizens.collection.updateOne(
        { _id: userId as never },
        {
          $setOnInsert: {
            userId,
            openid: wx.openid,
            ...(wx.unionid ? { unionid: wx.unionid } : {}),
            realName: null,
            phone: null,
            createdAt: at,
            updatedAt: at,
          },
        },
        { upsert: true },
      );
      return r.upsertedCount === 1;
    } catch (err) {
      // the same first sign-in twice at once: the other one inserted the citizen (an upsert is one insert on FerretDB)
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  }

  /**
   * The citizen behind an openid, made on the first sign-in. A returning citizen costs one read by _id: the link,
   * written only after its citizen. A first sign-in writes the citizen, then the link (`writeLink`, which the caller
   * may run next to the session insert: the citizen it points at is already there).
   */
  async function citizenOf(wx: { openid: string; unionid?: string }, now: Date): Promise<{ userId: string; isNew: boolean; writeLink?: () => Promise<void> }> {
    const link = await d.links.collection.findOne<{ userId: string; citizen?: boolean }>(
      { _id: wx.openid as never },
      { projection: { userId: 1, citizen: 1 } },
    );
    if (link?.citizen) return { userId: link.userId, isNew: false };
    if (link) {
      // a link from before issue 14 (or the migration): its citizen may never have been written; once, then flagged
      const isNew = await ensureCitizen(link.userId, wx);
      await d.links.updateOne({ _id: wx.openid }, { $set: { citizen: true } });
      return { userId: link.userId, isNew };
    }
    const userId = newUserId(wx.openid);
    const isNew = await ensureCitizen(userId, wx);
    const writeLink = async () => {
      try {
        await d.links.collection.insertOne({ _id: wx.openid as never, userId, at: now, citizen: true });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // written meanwhile by a sign-in of the same person; one from an instance older than issue 14 may hold another userId
        const other = (await d.links.findById(wx.openid, { userId: 1 }).lean())?.userId;
        if (other !== userId) throw new AppError('SERVICE_UNAVAILABLE', { cause: err, hint: '请重新点击“微信一键登录”。' });
      }
    };
    return { userId, isNew, writeLink };
  }

  return {
    /**
     * Round trips (issue 14): the address's place → WeChat → the openid's place next to the link read → the session
     * insert (a first sign-in: the citizen upsert, then its link next to the session insert).
     */
    async login(code: string, device: string | undefined, client = 'unknown'): Promise<TokenPair> {
      const limits = d.signInLimits;
      if (limits) await limits.limiter.hit({ key: `signin:addr:${client}`, ...limits.perAddress }, SIGN_IN_REFUSAL);
      const wx = await exchangeCode(code);
      const now = d.clock();
      // the openid's limit and the citizen lookup at once; a refused sign-in may have made the citizen, never a session
      const [limited, found] = await Promise.allSettled([
        limits ? limits.limiter.hit({ key: `signin:openid:${wx.openid}`, ...limits.perOpenid }, SIGN_IN_REFUSAL) : Promise.resolve(),
        citizenOf(wx, now),
      ]);
      if (limited.status === 'rejected') throw limited.reason;
      if (found.status === 'rejected') throw found.reason;
      const citizen = found.value;
      const familySecret = newFamilySecret();
      const expiresAt = new Date(now.getTime() + d.refreshTtlSeconds * 1000);
      // the session as mongoose would write it (defaults, timestamps, version key), by the driver: no document built
      const sessionOid = new Types.ObjectId();
      const at = new Date();
      const session = {
        _id: sessionOid,
        userId: citizen.userId,
        openid: wx.openid,
        sessionKey: wx.sessionKey,
        familySecret,
        generation: 0,
        ...(device !== undefined ? { device } : {}),
        lastUsedAt: now,
        expiresAt,
        revokedAt: null,
        revokedReason: null,
        createdAt: at,
        updatedAt: at,
        __v: 0,
      };
      await Promise.all([d.sessions.collection.insertOne(session), citizen.writeLink?.()]);
      const sessionId = sessionOid.toHexString();
      // the app's next request comes at once: this instance knows the session is live
      remember(sessionId, citizen.userId, expiresAt.getTime());
      return pair(sessionId, citizen.userId, 0, familySecret, citizen.isNew);
    },

    async refresh(token: string): Promise<TokenPair> {
      const parsed = parseRefreshToken(token);
      if (!parsed) throw new AppError('REFRESH_INVALID');
      const now = d.clock();
      const session = await d.sessions.findById(parsed.sessionId).lean();
      if (!session || !refreshMacMatches(parsed, session.familySecret)) throw new AppError('REFRESH_INVALID');
      if (session.revokedAt) throw new AppError(session.revokedReason === 'refresh-reuse' ? 'REFRESH_REUSED' : 'SESSION_REVOKED');
      if (session.expiresAt.getTime() <= now.getTime()) throw new AppError('REFRESH_INVALID');
      const ttlMs = d.refreshTtlSeconds * 1000;
      // spending a generation is a claim: of two concurrent refreshes with the same token exactly one wins
      if (parsed.generation === session.generation && (await d.claims.take(`refresh:${parsed.sessionId}:${parsed.generation}`, 'refresh', now, ttlMs))) {
        const next = parsed.generation + 1;
        await d.sessions.updateOne({ _id: session._id }, { $set: { generation: next, lastUsedAt: now, expiresAt: new Date(now.getTime() + ttlMs) } });
        return pair(parsed.sessionId, session.userId, next, session.familySecret, false);
      }
      if (parsed.generation > session.generation) throw new AppError('REFRESH_INVALID');
      // a genuine token of an older generation: somebody replayed it, so the whole family goes
      await d.sessions.updateOne({ _id: session._id, revokedAt: null }, { $set: { revokedAt: now, revokedReason: 'refresh-reuse' } });
      forget(parsed.sessionId);
      throw new AppError('REFRESH_REUSED');
    },

    async logout(auth: AuthContext): Promise<void> {
      await d.sessions.updateOne({ _id: auth.sessionId, revokedAt: null }, { $set: { revokedAt: d.clock(), revokedReason: 'logout' } });
      forget(auth.sessionId);
    },

    /** The citizen behind a request's Authorization header ('' when it had none). */
    async authenticate(header: string): Promise<AuthContext> {
      if (!header) throw new AppError('UNAUTHENTICATED');
      const m = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
      if (!m?.[1]) throw new AppError('TOKEN_INVALID');
      const claims = verifyAccess(m[1], d.clock().getTime());
      if (!Types.ObjectId.isValid(claims.sid)) throw new AppError('TOKEN_INVALID');
      const now = d.clock().getTime();
      const known = live.get(claims.sid);
      // infrastructure cache, so real time: the business clock may be moved by tests
      if (known && Date.now() - known.checkedAt < cacheMs && known.userId === claims.sub && known.expiresAt > now) {
        return { userId: claims.sub, sessionId: claims.sid };
      }
      // read with the other sessions asked for at the same moment (a burst of citizens: one query, db/by-id.ts)
      const session = await findOneById<{ userId: string; revokedAt?: Date | null; expiresAt: Date }>(d.sessions, claims.sid, {
        userId: 1,
        revokedAt: 1,
        expiresAt: 1,
      });
      if (!session || session.userId !== claims.sub) throw new AppError('SESSION_REVOKED');
      if (session.revokedAt) throw new AppError('SESSION_REVOKED');
      if (session.expiresAt.getTime() <= now) throw new AppError('SESSION_REVOKED');
      remember(claims.sid, session.userId, session.expiresAt.getTime());
      return { userId: claims.sub, sessionId: claims.sid };
    },
  };
}
