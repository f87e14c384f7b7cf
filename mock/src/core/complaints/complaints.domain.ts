import {
  addDays,
  addWorkingDays,
  COMPLAINT_RULES,
  CoreRefusal,
  shanghaiDate,
  workingDaysBetween,
  type CalendarData,
  type ComplaintCategory,
  type ComplaintRating,
  type ComplaintSla,
  type CoreComplaint,
  type CoreComplaintStatus,
  type PhotoType,
} from '@jsb/shared';
import { calendarFor } from '../calendar.domain';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import type { ComplaintRecord, StoredPhoto } from './complaints.state';

/*
 * 找茬 in the core systems. Every function is synchronous on purpose: "check the state, change the state"
 * must not interleave with another request (no await between a check and its write).
 */

const DAY_MS = 24 * 3600_000;
/** what one photo may weigh at the core: the bff re-encodes to fit (base64 in a 1 MB JSON body) */
export const CORE_PHOTO_MAX_BYTES = 700 * 1024;
const AWAITING_REPLY: readonly CoreComplaintStatus[] = ['submitted', 'acknowledged', 'in-progress', 'reopened'];

export const complaintNotFound = (): CoreError => new CoreError(404, 'COMPLAINT_NOT_FOUND', '没有找到这条找茬记录');
export const photoNotFound = (): CoreError => new CoreError(404, 'PHOTO_NOT_FOUND', '这条找茬没有这张照片');

export interface CreateComplaintInput {
  personId: string;
  requestId?: string;
  clientRef?: string;
  category: ComplaintCategory;
  target: { hallId: string; zoneId?: string; windowNo?: string; staffNo?: string };
  description: string;
  anonymous: boolean;
  photoIds: string[];
}

function nextTrackingNo(state: CoreState, now: Date): string {
  const date = shanghaiDate(now);
  const seq = (state.complaints.seqByDate.get(date) ?? 0) + 1;
  state.complaints.seqByDate.set(date, seq);
  return `ZC${date.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
}

/** A repeat of the same requestId by the same person returns the first complaint: the bff's outbox relies on it. */
export function createComplaint(state: CoreState, now: Date, input: CreateComplaintInput): { complaint: ComplaintRecord; replay: boolean } {
  const c = state.complaints;
  const key = input.requestId === undefined ? undefined : `${input.personId}|${input.requestId}`;
  const earlier = key === undefined ? undefined : c.requests.get(key);
  if (earlier !== undefined) {
    const rec = c.byId.get(earlier);
    if (rec) return { complaint: rec, replay: true };
  }
  const hall = state.catalog.getHall(input.target.hallId);
  if (!hall) throw new CoreRefusal(422, 'HALL_NOT_FOUND', '没有找到该服务中心，请重新选择大厅');
  const zone = input.target.zoneId === undefined ? undefined : hall.zones.find((z) => z.id === input.target.zoneId);
  if (input.target.zoneId !== undefined && !zone) throw new CoreRefusal(422, 'ZONE_NOT_AT_HALL', '该大厅没有这个专区，请重新选择');
  if (input.photoIds.length > COMPLAINT_RULES.maxPhotos) throw new CoreRefusal(422, 'TOO_MANY_PHOTOS', `照片最多${COMPLAINT_RULES.maxPhotos}张`);
  const missing = input.photoIds.filter((id) => !c.photos.has(id));
  if (missing.length) throw new CoreRefusal(422, 'PHOTO_NOT_FOUND', '有照片尚未上传', { photoIds: missing });

  const trackingNo = nextTrackingNo(state, now);
  const rec: ComplaintRecord = {
    id: trackingNo,
    trackingNo,
    personId: input.personId,
    ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
    ...(input.clientRef !== undefined ? { clientRef: input.clientRef } : {}),
    category: input.category,
    target: {
      hallId: hall.id,
      hallName: hall.name,
      ...(zone ? { zoneId: zone.id, zoneName: zone.name } : {}),
      ...(input.target.windowNo ? { windowNo: input.target.windowNo } : {}),
      ...(input.target.staffNo ? { staffNo: input.target.staffNo } : {}),
    },
    description: input.description,
    anonymous: input.anonymous,
    photoIds: [...input.photoIds],
    status: 'submitted',
    createdAt: now,
    slaStart: now,
    replies: [],
    events: [{ at: now, status: 'submitted', label: `找茬已登记，编号${trackingNo}` }],
  };
  c.byId.set(rec.id, rec);
  if (key !== undefined) c.requests.set(key, rec.id);
  return { complaint: rec, replay: false };
}

/** A photo kept by reference; the same id again is the same photo (a retried upload). */
export function storePhoto(state: CoreState, now: Date, input: { photoId: string; contentType: PhotoType; data: Buffer }): StoredPhoto {
  const existing = state.complaints.photos.get(input.photoId);
  if (existing) return existing;
  if (input.data.length === 0) throw new CoreRefusal(422, 'PHOTO_EMPTY', '照片内容为空');
  if (input.data.length > CORE_PHOTO_MAX_BYTES)
    throw new CoreRefusal(413, 'PHOTO_TOO_LARGE', `照片不超过${CORE_PHOTO_MAX_BYTES}字节`, { maxBytes: CORE_PHOTO_MAX_BYTES });
  const photo: StoredPhoto = { id: input.photoId, contentType: input.contentType, data: input.data, receivedAt: now };
  state.complaints.photos.set(photo.id, photo);
  return photo;
}

export function ensureComplaint(state: CoreState, id: string): ComplaintRecord {
  const rec = state.complaints.byId.get(id);
  if (!rec) throw complaintNotFound();
  return rec;
}

/** Another person's complaint is "not found", never "forbidden": its existence is not theirs to learn. */
export function ensureOwnComplaint(state: CoreState, id: string, personId: string): ComplaintRecord {
  const rec = ensureComplaint(state, id);
  if (rec.personId !== personId) throw complaintNotFound();
  return rec;
}

export function listComplaints(state: CoreState, personId: string): ComplaintRecord[] {
  return [...state.complaints.byId.values()].filter((r) => r.personId === personId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

function calendarAround(state: CoreState, hallId: string, from: string, today: string): CalendarData {
  const to = addDays(today > from ? today : from, 60);
  return calendarFor(state.calendarOverrides, hallId, from, to);
}

const lastReply = (rec: ComplaintRecord) => rec.replies[rec.replies.length - 1];

/** Due dates in working days (acknowledge 1, reply 5) from the SLA start; overdue is decided on the mock clock. */
export function slaOf(state: CoreState, rec: ComplaintRecord, now: Date): ComplaintSla {
  const start = shanghaiDate(rec.slaStart);
  const today = shanghaiDate(now);
  const cal = calendarAround(state, rec.target.hallId, start, today);
  const acknowledgeBy = addWorkingDays(start, COMPLAINT_RULES.acknowledgeWorkingDays, cal);
  const replyBy = addWorkingDays(start, COMPLAINT_RULES.replyWorkingDays, cal);
  const awaiting = AWAITING_REPLY.includes(rec.status);
  const reply = lastReply(rec);
  const answeredOn = !awaiting && reply ? shanghaiDate(reply.at) : today;
  return {
    acknowledgeBy,
    replyBy,
    acknowledgeOverdue: !rec.acknowledgedAt && awaiting && today > acknowledgeBy,
    replyOverdue: awaiting && today > replyBy,
    replyWorkingDaysLeft: workingDaysBetween(answeredOn, replyBy, cal),
  };
}

export function reopenUntil(rec: ComplaintRecord): Date | undefined {
  const reply = lastReply(rec);
  if (!reply || rec.reopenedAt) return undefined;
  return new Date(reply.at.getTime() + COMPLAINT_RULES.reopenDays * DAY_MS);
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/** What the citizen's channel reads: the record without the personId and the channel's request id. */
export function citizenView(state: CoreState, rec: ComplaintRecord, now: Date): CoreComplaint {
  const until = reopenUntil(rec);
  return {
    id: rec.id,
    trackingNo: rec.trackingNo,
    ...(rec.clientRef ? { clientRef: rec.clientRef } : {}),
    category: rec.category,
    target: rec.target,
    description: rec.description,
    anonymous: rec.anonymous,
    photoIds: rec.photoIds,
    status: rec.status,
    createdAt: rec.createdAt.toISOString(),
    sla: slaOf(state, rec, now),
    replies: rec.replies.map((r) => ({ at: r.at.toISOString(), text: r.text, by: r.by, ...(r.rating ? { rating: r.rating, ratedAt: iso(r.ratedAt) } : {}) })),
    timeline: rec.events.map((e) => ({ at: e.at.toISOString(), status: e.status, label: e.label, ...(e.note ? { note: e.note } : {}) })),
    ...(rec.reopenedAt ? { reopenedAt: rec.reopenedAt.toISOString(), reopenReason: rec.reopenReason } : {}),
    ...(until && (rec.status === 'replied' || rec.status === 'closed') ? { reopenUntil: until.toISOString() } : {}),
    ...(rec.closedAt ? { closedAt: rec.closedAt.toISOString() } : {}),
  };
}

/**
 * What hall staff see. An anonymous complaint shows no name, no phone and no person id: the window being
 * complained about must not learn who complained. A named one shows the contact so staff can call back.
 */
export function staffView(state: CoreState, rec: ComplaintRecord, now: Date) {
  const person = rec.anonymous ? undefined : [...state.persons.values()].find((p) => p.personId === rec.personId);
  const v = citizenView(state, rec, now);
  return {
    id: v.id,
    trackingNo: v.trackingNo,
    category: v.category,
    target: v.target,
    description: v.description,
    anonymous: rec.anonymous,
    citizen: rec.anonymous ? null : { name: person?.name ?? '（未登记姓名）', phone: person?.phone ?? null },
    contactNote: rec.anonymous ? '匿名找茬：不显示姓名和电话，请在系统内答复' : '可电话回访',
    photos: rec.photoIds.map((id) => ({
      id,
      contentType: state.complaints.photos.get(id)?.contentType ?? null,
      bytes: state.complaints.photos.get(id)?.data.length ?? 0,
    })),
    status: v.status,
    createdAt: v.createdAt,
    sla: v.sla,
    replies: v.replies,
    timeline: v.timeline,
    ...(v.reopenReason ? { reopenReason: v.reopenReason } : {}),
  };
}
export type StaffComplaintView = ReturnType<typeof staffView>;

function invalid(rec: ComplaintRecord, action: string): CoreRefusal {
  return new CoreRefusal(409, 'INVALID_TRANSITION', `当前状态（${rec.status}）不能${action}`, { status: rec.status });
}

/* ---- staff operations ---- */

export function acknowledge(rec: ComplaintRecord, now: Date, by: string): ComplaintRecord {
  if (rec.status !== 'submitted') throw invalid(rec, '签收');
  rec.status = 'acknowledged';
  rec.acknowledgedAt = now;
  rec.events.push({ at: now, status: 'acknowledged', label: `${by}已签收` });
  return rec;
}

export function startWork(rec: ComplaintRecord, now: Date, by: string): ComplaintRecord {
  if (rec.status !== 'acknowledged' && rec.status !== 'reopened') throw invalid(rec, '开始办理');
  rec.status = 'in-progress';
  rec.events.push({ at: now, status: 'in-progress', label: `${by}正在核实办理` });
  return rec;
}

export function reply(rec: ComplaintRecord, now: Date, by: string, text: string): ComplaintRecord {
  if (!AWAITING_REPLY.includes(rec.status)) throw invalid(rec, '答复');
  if (text.trim().length < 5) throw new CoreRefusal(422, 'REPLY_TOO_SHORT', '答复至少5个字');
  if (!rec.acknowledgedAt) {
    rec.acknowledgedAt = now;
    rec.events.push({ at: now, status: 'acknowledged', label: `${by}已签收` });
  }
  rec.status = 'replied';
  rec.replies.push({ at: now, text: text.trim(), by });
  rec.events.push({ at: now, status: 'replied', label: `${by}已答复` });
  return rec;
}

export function close(rec: ComplaintRecord, now: Date, by: string): ComplaintRecord {
  if (rec.status !== 'replied') throw invalid(rec, '办结');
  rec.status = 'closed';
  rec.closedAt = now;
  rec.events.push({ at: now, status: 'closed', label: `${by}已办结` });
  return rec;
}

/* ---- citizen operations ---- */

export function rateReply(rec: ComplaintRecord, now: Date, rating: ComplaintRating, comment?: string): ComplaintRecord {
  const last = lastReply(rec);
  if (!last || (rec.status !== 'replied' && rec.status !== 'closed')) {
    throw new CoreRefusal(409, 'NOT_REPLIED', '还没有答复，暂不能评价', { status: rec.status });
  }
  if (last.rating) throw new CoreRefusal(409, 'ALREADY_RATED', '这次答复已经评价过', { rating: last.rating });
  last.rating = rating;
  last.ratedAt = now;
  if (comment) last.ratingComment = comment;
  rec.events.push({ at: now, status: rec.status, label: `您评价答复：${rating}`, ...(comment ? { note: comment } : {}) });
  return rec;
}

/** Once, within 7 days of the (last) reply. The refusal says why: NOT_REPLIED, ALREADY_REOPENED or WINDOW_PASSED. */
export function reopen(rec: ComplaintRecord, now: Date, reason: string): ComplaintRecord {
  const last = lastReply(rec);
  if (rec.reopenedAt) {
    throw new CoreRefusal(409, 'REOPEN_NOT_ALLOWED', '已经重新办理过一次', { reason: 'ALREADY_REOPENED', reopenedAt: rec.reopenedAt.toISOString() });
  }
  if (!last || (rec.status !== 'replied' && rec.status !== 'closed')) {
    throw new CoreRefusal(409, 'REOPEN_NOT_ALLOWED', '还没有答复', { reason: 'NOT_REPLIED', status: rec.status });
  }
  const until = reopenUntil(rec)!;
  if (now.getTime() > until.getTime()) {
    throw new CoreRefusal(409, 'REOPEN_NOT_ALLOWED', '已超过答复后7天', {
      reason: 'WINDOW_PASSED',
      reopenUntil: until.toISOString(),
      repliedAt: last.at.toISOString(),
    });
  }
  rec.status = 'reopened';
  rec.reopenedAt = now;
  rec.reopenReason = reason;
  rec.slaStart = now;
  rec.closedAt = undefined;
  rec.events.push({ at: now, status: 'reopened', label: '您申请重新办理', note: reason });
  return rec;
}
