import { bookingWords, monthDayText, shanghaiDate, shanghaiTime, weekdayText, type NearestSlot } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { CoreRefusalData } from '@jsb/shared';

/** 2026-02-16 → 2月16日（周一） */
export function dayLabel(date: string): string {
  return `${monthDayText(date)}（${weekdayText(date)}）`;
}

function instantLabel(iso: string): string {
  const t = new Date(iso);
  return `${dayLabel(shanghaiDate(t))}${shanghaiTime(t)}`;
}

const words = bookingWords();

function nearestHint(nearest: NearestSlot[]): string {
  if (!nearest.length) return `${words.aheadDays}这个专区已约满，请换一个大厅，或明天再来看看有没有人取消。`;
  return `最近的空余时段：${nearest.map((n) => `${dayLabel(n.date)}${n.start}–${n.end}（余${n.remaining}）`).join('；')}。`;
}

const NOT_FOUND_TEXT: Record<string, string> = {
  BOOKING_NOT_FOUND: '没有找到这个预约。',
  ITEM_NOT_FOUND: '没有找到这个事项。',
  HALL_NOT_FOUND: '没有找到这个大厅。',
  THEME_NOT_FOUND: '没有找到这个主题。',
  ZONE_NOT_FOUND: '没有找到这个专区。',
};

/** Turns a core refusal into our error code, with a hint that says what the citizen can do instead. */
export function refusalToAppError(r: CoreRefusalData): AppError {
  const d = r.details;
  switch (r.code) {
    case 'SLOT_FULL': {
      const nearest = (d.nearest ?? []) as NearestSlot[];
      return new AppError('SLOT_FULL', { hint: nearestHint(nearest), details: { nearest }, cause: r });
    }
    case 'OUTSIDE_BOOKING_WINDOW': {
      const reason = String(d.reason ?? '');
      const hint =
        reason === 'TOO_SOON' && typeof d.earliest === 'string'
          ? `${words.leadNeeded}，请选择${instantLabel(d.earliest)}以后的时段。`
          : reason === 'TOO_FAR' && typeof d.latest === 'string'
            ? `最远可预约到${dayLabel(d.latest)}，请选择这之前的日期。`
            : '这个时段已经过去，请选择其他时段。';
      return new AppError('OUTSIDE_BOOKING_WINDOW', { hint, details: { reason, earliest: d.earliest, latest: d.latest }, cause: r });
    }
    case 'BOOKING_SUSPENDED': {
      const until = String(d.until ?? '');
      return new AppError('BOOKING_SUSPENDED', {
        message: `您${words.noShowsToSuspend}，网上预约已暂停至${until ? dayLabel(until) : '暂停期结束'}（含）。`,
        hint: '暂停期间仍可到大厅现场取号办理；暂停结束后自动恢复网上预约。',
        details: { until },
        cause: r,
      });
    }
    case 'CANCEL_TOO_LATE':
      return new AppError('CANCEL_TOO_LATE', { details: { deadline: d.deadline }, cause: r });
    case 'HALL_CLOSED':
      return new AppError('HALL_CLOSED', {
        message: `大厅这一天不提供预约服务${d.reason ? `（${String(d.reason)}）` : ''}。`,
        details: { reason: d.reason, date: d.date },
        cause: r,
      });
    case 'DAILY_LIMIT':
    case 'ACTIVE_LIMIT':
    case 'ITEM_NOT_AT_HALL':
    case 'WEEKEND_NOT_OFFERED':
    case 'BOOKING_NOT_ACTIVE':
    case 'SLOT_NOT_FOUND':
    case 'IDEMPOTENCY_CONFLICT':
      return new AppError(r.code, { details: d, cause: r });
    case 'BAD_REQUEST':
      return new AppError('VALIDATION_FAILED', { cause: r });
    default:
      if (NOT_FOUND_TEXT[r.code]) return new AppError('NOT_FOUND', { message: NOT_FOUND_TEXT[r.code], cause: r });
      return new AppError('UPSTREAM_UNAVAILABLE', { cause: r });
  }
}
