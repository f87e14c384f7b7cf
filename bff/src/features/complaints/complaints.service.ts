import { createHash, randomBytes } from 'node:crypto';
import {
  addDays,
  atShanghai,
  COMPLAINT_RULES,
  complaintWords,
  shanghaiDate,
  type Complaint,
  type ComplaintList,
  type CoreComplaint,
  type RateComplaintReplyRequest,
  type UploadedPhoto,
} from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { RateLimiter, RatePlace, RateRule } from '../../db/attempts';
import type { RawBody } from '../../http/route';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Outbox } from '../../outbox/outbox';
import type { CoreComplaintsClient } from '../../clients/core-complaints.client';
import { UpstreamError } from '../../clients/http';
import type { CitizenModel } from '../auth/citizen.model';
import type { CatalogService } from '../catalog/catalog.service';
import type { ComplaintPhotoModel } from './photo.model';
import { photoFromBody, reencodePhoto } from './photos';
import { fromCore, fromEntry, type ComplaintEntry, type ComplaintPayload } from './view';
import { ensurePerson } from '../auth/person';
import { findByIds, setByIds } from '../../db/by-id';

export const COMPLAINT_KIND = 'complaint.create';
const DAY_MS = 24 * 3600_000;
const REF = /^C[a-f0-9]{20}$/;
const TRACKING_NO = /^ZC\d{12}$/;
const STALE_NOTICE = '政务系统暂时无法连接，显示的是转交时的状态；请稍后刷新。';

export interface ComplaintsDeps {
  core: CoreComplaintsClient;
  citizens: CitizenModel;
  photos: ComplaintPhotoModel;
  outbox: Outbox;
  /** the daily quota and the photo uploads (db/attempts.ts) */
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  catalog: CatalogService;
  clock: () => Date;
  /** complaints one citizen may submit per day (Asia/Shanghai) */
  dailyLimit: number;
}

export interface CreateComplaintInput {
  category: ComplaintPayload['category'];
  target: ComplaintPayload['target'];
  description: string;
  anonymous: boolean;
  photoIds: string[];
}

/** A binary field as read back with lean(): a Buffer on some drivers, a BSON Binary on others. */
export function asBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  const b = v as { buffer?: Uint8Array };
  if (b && b.buffer instanceof Uint8Array) return Buffer.from(b.buffer);
  throw new Error('photo data is not binary');
}

export function createComplaintsService(d: ComplaintsDeps) {
  const personOf = (auth: AuthContext) =>
    ensurePerson(d.citizens, auth, '找茬需要实名，便于限时答复和回访（可以选择对窗口匿名）：请到“我的 › 实名认证”完成认证。');

  const entryId = (userId: string, ref: string) => `${COMPLAINT_KIND}:${userId}:${ref}`;

  async function entryOf(auth: AuthContext, ref: string): Promise<ComplaintEntry> {
    const e = REF.test(ref) ? ((await d.outbox.get(entryId(auth.userId, ref))) as ComplaintEntry | null) : null;
    // another citizen's ref names another entry: "not found", the same as a ref that never existed
    if (!e || e.userId !== auth.userId) throw new AppError('NOT_FOUND', { message: '没有找到这条找茬。', hint: '请返回“我的找茬”刷新后查看。' });
    return e;
  }

  /** The core id of a complaint the citizen may act on; a queued one has none yet. */
  async function coreIdOf(auth: AuthContext, id: string, action: 'rate' | 'reopen'): Promise<{ coreId: string; entry?: ComplaintEntry }> {
    if (TRACKING_NO.test(id)) return { coreId: id };
    const entry = await entryOf(auth, id);
    if (entry.state !== 'delivered' || !entry.result) {
      const message = '这条找茬还在转交政务系统，还没有答复。';
      throw action === 'rate'
        ? new AppError('COMPLAINT_NOT_REPLIED', { message, hint: '转交后会显示找茬编号和答复期限；收到答复后再评价。' })
        : new AppError('REOPEN_NOT_ALLOWED', { message, hint: `${complaintWords().reopenIfUnsolved}。`, details: { reason: 'NOT_REPLIED' } });
    }
    return { coreId: entry.result.id, entry };
  }

  /** The Shanghai day: quotas start again at midnight. */
  const today = (now: Date) => {
    const day = shanghaiDate(now);
    return { name: day, end: atShanghai(addDays(day, 1), '00:00') };
  };
  const dailyRule = (userId: string): RateRule => ({ key: `complaint:${userId}`, max: d.dailyLimit, window: today });
  // uploads that were never used still count: a citizen picks a few more photos than they send
  const photoRule = (userId: string): RateRule => ({ key: `complaint-photo:${userId}`, max: d.dailyLimit * COMPLAINT_RULES.maxPhotos * 2, window: today });

  /** One of the day's places, taken with an insert (FerretDB: no atomic counters), so parallel submits cannot exceed it. */
  function takeDailyPlace(userId: string): Promise<RatePlace> {
    return d.limiter.take(dailyRule(userId), {
      code: 'COMPLAINT_DAILY_LIMIT',
      message: `您今天已提交${d.dailyLimit}条找茬，达到每天的上限。`,
      hint: () => '已提交的找茬会限时答复，可在“我的找茬”查看进度；新的问题请明天再提交，紧急情况可拨打12345政务服务便民热线。',
    });
  }

  /**
   * Runs `work` holding a place; an attempt that fails gives it back (nothing was kept, so nothing counts), unless
   * `kept` says something was kept after all (or cannot tell: then the place stays, too strict rather than too lenient).
   */
  async function counted<T>(place: RatePlace, work: () => Promise<T>, kept?: () => Promise<boolean>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const keep = kept ? await kept().catch(() => true) : false;
      if (!keep) await d.limiter.release(place).catch(() => undefined);
      throw err;
    }
  }

  /** `ref`: photos already attached to this same complaint (a run repeated after a crash) still count as usable */
  async function ensurePhotos(userId: string, ids: string[], now: Date, ref?: string): Promise<void> {
    if (ids.length > COMPLAINT_RULES.maxPhotos) {
      throw new AppError('TOO_MANY_PHOTOS', {
        message: `照片最多${COMPLAINT_RULES.maxPhotos}张，这次选了${ids.length}张。`,
        details: { max: COMPLAINT_RULES.maxPhotos, count: ids.length },
      });
    }
    if (!ids.length) return;
    const found = await findByIds<{ _id: string; userId: string; expiresAt: Date; complaintRef?: string | null }>(d.photos, ids, {
      _id: 1,
      userId: 1,
      expiresAt: 1,
      complaintRef: 1,
    });
    const usable = new Set(found.filter((p) => p.userId === userId && p.expiresAt > now && (!p.complaintRef || p.complaintRef === ref)).map((p) => p._id));
    const missing = ids.filter((id) => !usable.has(id));
    if (missing.length) throw new AppError('PHOTO_NOT_FOUND', { details: { photoIds: missing } });
  }

  /** Hall and zone names for the queued view; a check when the catalog is reachable, skipped when it is not. */
  async function placeNames(target: ComplaintPayload['target']): Promise<{ hallName?: string; zoneName?: string }> {
    let halls;
    try {
      halls = (await d.catalog.halls()).value.halls;
    } catch (err) {
      if (err instanceof UpstreamError || (err instanceof AppError && err.code.startsWith('UPSTREAM'))) return {};
      throw err;
    }
    const hall = halls.find((h) => h.id === target.hallId);
    if (!hall) throw new AppError('VALIDATION_FAILED', { message: '没有找到所选的大厅。', hint: '请重新选择大厅后提交。' });
    // as the core reads it: an empty zoneId is a zone that does not exist, not "no zone" (found by the fuzzer: it queued, then the core refused it)
    const zone = target.zoneId !== undefined ? hall.zones.find((z) => z.id === target.zoneId) : undefined;
    if (target.zoneId !== undefined && !zone)
      throw new AppError('VALIDATION_FAILED', { message: '所选大厅没有这个专区。', hint: '请重新选择专区，或不选专区直接提交。' });
    return { hallName: hall.name, ...(zone ? { zoneName: zone.name } : {}) };
  }

  async function view(auth: AuthContext, personId: string, entry: ComplaintEntry): Promise<Complaint> {
    const now = d.clock();
    if (entry.state !== 'delivered' || !entry.result) return fromEntry(entry);
    try {
      return fromCore(await d.core.get(entry.result.id, personId), now, entry);
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      return { ...fromCore(entry.result, now, entry), notice: STALE_NOTICE };
    }
  }

  return {
    async uploadPhoto(auth: AuthContext, body: RawBody): Promise<UploadedPhoto> {
      await personOf(auth);
      const place = await d.limiter.take(photoRule(auth.userId), {
        message: `今天上传的照片已达到${d.dailyLimit * COMPLAINT_RULES.maxPhotos * 2}张，暂时不能再上传。`,
        hint: () => `请明天再上传；${complaintWords().photoKept}，保留期内可以使用。`,
      });
      // a file that is not a photo, or cannot be read, is not kept and does not count
      return counted(place, async () => {
        const upload = photoFromBody(body);
        const photo = await reencodePhoto(upload.data, upload.type);
        const now = d.clock();
        const id = `ph_${randomBytes(12).toString('hex')}`;
        await d.photos.create({
          _id: id,
          userId: auth.userId,
          type: photo.type,
          data: photo.data,
          bytes: photo.data.length,
          width: photo.width,
          height: photo.height,
          createdAt: now,
          expiresAt: new Date(now.getTime() + COMPLAINT_RULES.photoKeepDays * DAY_MS),
        });
        return { id, type: photo.type, bytes: photo.data.length, width: photo.width, height: photo.height, metadataRemoved: true };
      });
    },

    async create(auth: AuthContext, input: CreateComplaintInput, idempotencyKey?: string): Promise<Complaint> {
      const personId = await personOf(auth);
      const photoIds = [...new Set(input.photoIds)];
      let fresh: Complaint | undefined;
      const { ref } = await d.idempotency.once({
        userId: auth.userId,
        operation: 'createComplaint',
        key: idempotencyKey,
        request: input,
        run: async () => {
          const now = d.clock();
          // with a key the ref is the key's: a run repeated after a crash mid-request finds the same outbox entry, never a second complaint
          const ref = idempotencyKey
            ? `C${createHash('sha256').update(`${auth.userId}:${idempotencyKey}`).digest('hex').slice(0, 20)}`
            : `C${randomBytes(10).toString('hex')}`;
          // a run repeated after a crash that came after the complaint was stored: it is there; no second daily place
          const stored = idempotencyKey ? ((await d.outbox.get(entryId(auth.userId, ref))) as ComplaintEntry | null) : null;
          if (stored) return { ref };
          await ensurePhotos(auth.userId, photoIds, now, ref);
          const names = await placeNames(input.target);
          const place = await takeDailyPlace(auth.userId);
          const payload: ComplaintPayload = { ref, personId, ...input, ...names, photoIds };
          // stored first, then delivered: an outage or a restart cannot lose it; the relay delivers it later. A
          // complaint that could not be stored does not count; one stored counts, even if the core refuses it later
          const entry = await counted(
            place,
            async () => {
              // the citizen's own photos: ensurePhotos checked each of them above
              await setByIds(d.photos, photoIds, { complaintRef: ref, expiresAt: new Date(now.getTime() + 60 * DAY_MS) });
              return (await d.outbox.submit(COMPLAINT_KIND, auth.userId, payload, ref)) as ComplaintEntry;
            },
            async () => (await d.outbox.get(entryId(auth.userId, ref))) !== null,
          );
          fresh = entry.state === 'delivered' && entry.result ? fromCore(entry.result, now, entry) : fromEntry(entry);
          return { ref };
        },
      });
      // a repeated request (same Idempotency-Key) answers the complaint as it is now
      return fresh ?? view(auth, personId, await entryOf(auth, ref));
    },

    /** The outbox's deliverer: photos first (idempotent by id), then the complaint (idempotent by requestId). */
    async deliver(payload: ComplaintPayload, requestId: string): Promise<CoreComplaint> {
      const now = d.clock();
      for (const photoId of payload.photoIds) {
        const photo = await d.photos.findById(photoId).lean();
        // gone only after an earlier delivery went through: the core already has it
        if (photo) await d.core.uploadPhoto({ photoId, contentType: photo.type as 'image/jpeg', data: asBuffer(photo.data) });
      }
      const { ref, hallName: _h, zoneName: _z, ...rest } = payload;
      const complaint = await d.core.create({ ...rest, clientRef: ref, requestId });
      await setByIds(d.photos, payload.photoIds, { expiresAt: new Date(now.getTime() + DAY_MS) });
      return complaint;
    },

    /**
     * One photo of the citizen's own complaint, to look at again: from the bff's copy while it keeps one (queued, or
     * delivered less than a day ago), else from the core. The re-encoded photo, without metadata, as it was sent.
     */
    async photo(auth: AuthContext, id: string, photoId: string): Promise<{ contentType: string; data: Buffer }> {
      const personId = await personOf(auth);
      const noPhoto = (cause?: unknown) => new AppError('NOT_FOUND', { message: '没有找到这张照片。', hint: '请返回找茬详情刷新后再查看。', cause });
      let coreId = id;
      if (!TRACKING_NO.test(id)) {
        const entry = await entryOf(auth, id);
        if (!entry.payload.photoIds.includes(photoId)) throw noPhoto();
        const mine = await d.photos.findById(photoId, { userId: 1, type: 1, data: 1 }).lean();
        if (mine && mine.userId === auth.userId) return { contentType: mine.type, data: asBuffer(mine.data) };
        if (entry.state !== 'delivered' || !entry.result) throw noPhoto();
        coreId = entry.result.id;
      }
      try {
        return await d.core.photo(coreId, photoId, personId);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'PHOTO_NOT_FOUND' || err.code === 'NOT_FOUND')) throw noPhoto(err);
        throw err;
      }
    },

    async list(auth: AuthContext): Promise<ComplaintList> {
      const personId = await personOf(auth);
      const now = d.clock();
      const entries = (await d.outbox.listFor(auth.userId, COMPLAINT_KIND)) as ComplaintEntry[];
      let fromCoreList: CoreComplaint[] | null = null;
      try {
        fromCoreList = (await d.core.list(personId)).complaints;
      } catch (err) {
        if (!(err instanceof UpstreamError)) throw err;
      }
      const byRef = new Map((fromCoreList ?? []).filter((c) => c.clientRef).map((c) => [c.clientRef!, c]));
      const complaints: Complaint[] = entries.map((e) => {
        if (e.state !== 'delivered' || !e.result) return fromEntry(e);
        const live = byRef.get(e.payload.ref);
        return live ? fromCore(live, now, e) : fromCore(e.result, now, e);
      });
      // complaints made at a hall window or by phone show too, under their tracking number
      const ours = new Set(entries.map((e) => e.payload.ref));
      for (const c of fromCoreList ?? []) if (!c.clientRef || !ours.has(c.clientRef)) complaints.push(fromCore(c, now));
      complaints.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
      return { complaints, ...(fromCoreList ? {} : { notice: STALE_NOTICE }) };
    },

    async get(auth: AuthContext, id: string): Promise<Complaint> {
      const personId = await personOf(auth);
      if (TRACKING_NO.test(id)) return fromCore(await d.core.get(id, personId), d.clock());
      return view(auth, personId, await entryOf(auth, id));
    },

    async rate(auth: AuthContext, id: string, input: RateComplaintReplyRequest): Promise<Complaint> {
      const personId = await personOf(auth);
      const { coreId, entry } = await coreIdOf(auth, id, 'rate');
      return fromCore(await d.core.rate(coreId, personId, input.rating, input.comment), d.clock(), entry);
    },

    async reopen(auth: AuthContext, id: string, reason: string): Promise<Complaint> {
      const personId = await personOf(auth);
      const { coreId, entry } = await coreIdOf(auth, id, 'reopen');
      return fromCore(await d.core.reopen(coreId, personId, reason), d.clock(), entry);
    },
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
