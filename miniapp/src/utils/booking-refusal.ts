import type { NearestSlot, SlotKind } from '@jsb/shared';
import { SLOT_KINDS, bookingWords } from '@jsb/shared';
import { dateLabel, dateTimeLabel, fullDateLabel } from './booking-format';

/**
 * A refused booking action (create, cancel, reschedule) as the page shows it: the bff's message and
 * hint, the facts from `details` spelled out, and the one next step that helps (只说 Yes, 不说 No).
 */
export type RefusalAction =
  /** 去实名认证 */
  | 'real-name'
  /** 去登录 */
  | 'sign-in'
  /** 查看我的预约 (limits, a booking no longer active) */
  | 'appointments'
  /** 重新选择时段 */
  | 'reselect'
  /** 换一个大厅 */
  | 'change-hall'
  /** 重试 (the same key: a retry cannot book twice) */
  | 'retry'
  | null;

export interface RefusalView {
  code: string;
  message: string;
  hint: string;
  /** extra lines from details: deadlines, dates, the bookable window */
  facts: string[];
  /** SLOT_FULL: the nearest free slots, offered as one-tap alternatives */
  nearest: NearestSlot[];
  action: RefusalAction;
}

interface ErrorLike {
  code: string;
  message: string;
  hint: string;
  details?: Record<string, unknown> | undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A date ('2026-05-01') or an instant, as Chinese text. */
function when(v: unknown): string {
  if (!isString(v)) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return dateLabel(v);
  return dateTimeLabel(v);
}

/** details.nearest, kept only where every field is usable. */
export function nearestSlots(details: Record<string, unknown> | undefined): NearestSlot[] {
  const raw = details?.nearest;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((n): n is NearestSlot => {
      if (typeof n !== 'object' || n === null) return false;
      const s = n as Record<string, unknown>;
      return (
        isString(s.slotId) &&
        isString(s.date) &&
        isString(s.start) &&
        isString(s.end) &&
        SLOT_KINDS.includes(s.kind as SlotKind) &&
        typeof s.remaining === 'number'
      );
    })
    .slice(0, 3);
}

const WINDOW_REASON: Record<string, string> = {
  PAST: '这个时段已经过去了。',
  TOO_SOON: `${bookingWords().tooSoon}。`,
  TOO_FAR: `${bookingWords().tooFar}。`,
};

const ACTION: Partial<Record<string, RefusalAction>> = {
  REAL_NAME_REQUIRED: 'real-name',
  UNAUTHENTICATED: 'sign-in',
  TOKEN_EXPIRED: 'sign-in',
  TOKEN_INVALID: 'sign-in',
  SESSION_REVOKED: 'sign-in',
  REFRESH_INVALID: 'sign-in',
  REFRESH_REUSED: 'sign-in',
  DAILY_LIMIT: 'appointments',
  ACTIVE_LIMIT: 'appointments',
  BOOKING_NOT_ACTIVE: 'appointments',
  BOOKING_SUSPENDED: 'appointments',
  CANCEL_TOO_LATE: null,
  SLOT_FULL: 'reselect',
  SLOT_NOT_FOUND: 'reselect',
  OUTSIDE_BOOKING_WINDOW: 'reselect',
  HALL_CLOSED: 'reselect',
  WEEKEND_NOT_OFFERED: 'reselect',
  ITEM_NOT_AT_HALL: 'change-hall',
  UPSTREAM_UNAVAILABLE: 'retry',
  UPSTREAM_TIMEOUT: 'retry',
  NETWORK: 'retry',
  INTERNAL: 'retry',
  RATE_LIMITED: 'retry',
};

/** The '5月16日' parts of a sentence. */
function mentionedDates(sentence: string): string[] {
  return sentence.match(/\d{1,2}月\d{1,2}日/g) ?? [];
}

export function refusalView(err: ErrorLike): RefusalView {
  const d = err.details;
  const facts: string[] = [];
  switch (err.code) {
    case 'OUTSIDE_BOOKING_WINDOW': {
      const reason = isString(d?.reason) ? WINDOW_REASON[d.reason] : undefined;
      if (reason) facts.push(reason);
      const earliest = when(d?.earliest);
      const latest = when(d?.latest);
      if (earliest && latest) facts.push(`现在可预约 ${earliest} 至 ${latest} 的时段。`);
      else if (earliest) facts.push(`最早可预约 ${earliest} 的时段。`);
      else if (latest) facts.push(`最晚可预约 ${latest} 的时段。`);
      break;
    }
    case 'CANCEL_TOO_LATE': {
      const deadline = when(d?.deadline);
      if (deadline) facts.push(`网上取消和改约的截止时间是 ${deadline}。`);
      break;
    }
    case 'BOOKING_SUSPENDED': {
      const until = isString(d?.until) && /^\d{4}-\d{2}-\d{2}$/.test(d.until) ? fullDateLabel(d.until) : when(d?.until);
      if (until) facts.push(`暂停到 ${until}（含当天），之后可恢复网上预约。`);
      break;
    }
    case 'HALL_CLOSED': {
      if (isString(d?.reason) && !`${err.message}${err.hint}`.includes(d.reason)) facts.push(`闭厅原因：${d.reason}`);
      break;
    }
  }
  // the bff often names the date already ('暂停至5月16日（周六）'); say it once
  const said = `${err.message}${err.hint}`;
  const fresh = facts.filter((f) => !mentionedDates(f).some((d) => said.includes(d)));
  return {
    code: err.code,
    message: err.message,
    hint: err.hint,
    facts: fresh,
    nearest: err.code === 'SLOT_FULL' ? nearestSlots(d) : [],
    action: ACTION[err.code] ?? null,
  };
}
