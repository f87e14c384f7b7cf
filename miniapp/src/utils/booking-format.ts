import {
  addDays,
  DAY_KIND_LABEL,
  shanghaiDate,
  shanghaiTime,
  SLOT_KIND_LABEL,
  SLOT_KINDS,
  bookingWords,
  type Appointment,
  type BookingStatus,
  type Hall,
  type Material,
  type Slot,
  type SlotDay,
  type SlotKind,
  monthDayText,
  weekdayText,
  fullDateText,
  momentText,
} from '@jsb/shared';

/**
 * Pure display helpers of the booking journey (预约). No Taro, no clock: "now" is always a parameter,
 * so jest tests them as they are. Dates are Asia/Shanghai 'YYYY-MM-DD', times 'HH:mm'.
 */

/** '2026-02-16' → '2月16日 周一' */
export function dateLabel(date: string): string {
  return `${monthDayText(date)} ${weekdayText(date)}`;
}

/** '2026-02-16' → '2026年2月16日 周一' (confirm and detail pages: no doubt about the year) */
export function fullDateLabel(date: string): string {
  return `${fullDateText(date)} ${weekdayText(date)}`;
}

/** '09:30', '10:00' → '09:30–10:00' (en dash) */
export function timeRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/** The days of the week view: today and the next n-1 days (8 in all by default). */
export function weekDates(today: string, n = 8): string[] {
  return Array.from({ length: n }, (_, i) => addDays(today, i));
}

/** Today in Shanghai, whatever the phone's time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** Fee in fen → '80.00元'; 0 → '免费'. */
export function formatFee(fen: number): string {
  if (!fen) return '免费';
  return `${(fen / 100).toFixed(2)}元`;
}

/** '法定20个工作日 · 承诺5个工作日'; a promised 0 is '当场办结'. */
export function formatLimits(statutoryDays: number, promisedDays: number): string {
  const promised = promisedDays === 0 ? '当场办结' : `承诺${promisedDays}个工作日`;
  if (statutoryDays === 0) return promised;
  return `法定${statutoryDays}个工作日 · ${promised}`;
}

/** '原件 1份' / '复印件 2份' */
export function materialForm(m: Pick<Material, 'form' | 'count'>): string {
  return `${m.form} ${m.count}份`;
}

/** What a day chip says about the day: 工作日 / 调休上班 / 周末 / 节假日 春节 / 闭厅 */
export interface DayChip {
  date: string;
  /** '2月16日' */
  title: string;
  /** '周一' (or '今天') */
  weekday: string;
  /** '工作日', '调休上班', '周末', '节假日·春节', '闭厅' */
  kindLabel: string;
  /** '20个时段可约', '今日已结束', '已约满'… (dayCountText) */
  countText: string;
  closed: boolean;
  /** how many slots can still be booked that day */
  bookable: number;
}

export function dayChip(day: Pick<SlotDay, 'date' | 'kind' | 'holidayName' | 'closed' | 'slots'>, today?: string): DayChip {
  let kindLabel: string = DAY_KIND_LABEL[day.kind];
  if (day.closed) kindLabel = '闭厅';
  else if (day.kind === 'holiday' && day.holidayName) kindLabel = `${DAY_KIND_LABEL.holiday}·${day.holidayName}`;
  return {
    date: day.date,
    title: monthDayText(day.date),
    weekday: day.date === today ? '今天' : weekdayText(day.date),
    kindLabel,
    closed: day.closed,
    bookable: day.slots.filter((s) => s.bookable).length,
    countText: dayCountText(day, day.date === today),
  };
}

/**
 * What a day chip says about its seats, counted in time slots: '20个时段可约'; and when none is left, why: the day is
 * over, the seats are taken, it opens later, or the hall is closed.
 */
export function dayCountText(day: Pick<SlotDay, 'closed' | 'slots'>, isToday: boolean): string {
  if (day.closed) return '不开放';
  const open = day.slots.filter((s) => s.bookable).length;
  if (open > 0) return `${open}个时段可约`;
  if (day.slots.length === 0) return '不开放预约';
  if (day.slots.some((s) => s.reason === 'FULL')) return '已约满';
  if (day.slots.every((s) => s.reason === 'TOO_FAR')) return '尚未开放';
  return isToday ? '今日已结束' : '不可预约';
}

/** One sentence about the chosen day, shown above its slots. */
export function dayNote(day: Pick<SlotDay, 'kind' | 'holidayName' | 'closed' | 'closedReason'>): string {
  if (day.closed) return `大厅闭厅${day.closedReason ? `：${day.closedReason}` : ''}，请选其他日期。`;
  switch (day.kind) {
    case 'adjusted-workday':
      return `调休上班${day.holidayName ? `（${day.holidayName}调休）` : ''}，按工作日时段办理。`;
    case 'holiday':
      return `${day.holidayName ?? '节假日'}期间，部分专区上午预约办理。`;
    case 'weekend':
      return '周末上午 9:00–12:00，部分专区预约办理。';
    default:
      return '工作日：正常时段和中午、傍晚的错时延时时段。';
  }
}

export interface SlotGroup {
  kind: SlotKind;
  /** 正常时段 / 错时延时 / 周末/节假日预约 */
  label: string;
  slots: Slot[];
}

/** Slots grouped by kind in a fixed order (regular, after-hours, weekend), each group sorted by time; empty groups left out. */
export function groupSlotsByKind(slots: readonly Slot[]): SlotGroup[] {
  return SLOT_KINDS.map((kind) => ({
    kind,
    label: SLOT_KIND_LABEL[kind],
    slots: slots.filter((s) => s.kind === kind).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
  })).filter((g) => g.slots.length > 0);
}

const REASON_TEXT: Record<NonNullable<Slot['reason']>, string> = {
  PAST: '已过',
  TOO_SOON: bookingWords().tooSoonShort,
  TOO_FAR: bookingWords().tooFarShort,
  FULL: '约满',
};

/** What a slot button says under its time: '余3', or why it cannot be booked. */
export function slotStateText(slot: Pick<Slot, 'bookable' | 'remaining' | 'reason'>): string {
  if (slot.bookable) return `余${slot.remaining}`;
  if (slot.reason) return REASON_TEXT[slot.reason];
  return slot.remaining <= 0 ? REASON_TEXT.FULL : '不可约';
}

export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = {
  booked: '待办理',
  cancelled: '已取消',
  'checked-in': '已签到',
  'no-show': '未到',
  completed: '已完成',
};

/** An ISO instant → 'HH:mm' in Shanghai; '' when unreadable. */
export function clockTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : shanghaiTime(new Date(t));
}

/** An ISO instant → '2月16日 07:30' in Shanghai; '' when unreadable. */
export function dateTimeLabel(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? '' : momentText(iso);
}

/** '请在 08:30–09:45 之间到大厅签到' from the ticket's or the appointment's window. */
export function checkInText(from: string, until: string): string {
  const a = clockTime(from);
  const b = clockTime(until);
  if (!a || !b) return '请按预约时间到大厅签到';
  return `请在 ${timeRange(a, b)} 之间到大厅签到`;
}

/** The city hall first, then the county-level halls in the core's order. */
export function orderHalls(halls: readonly Hall[]): Hall[] {
  const city = halls.filter((h) => h.county === '济宁市' || h.id === 'city');
  return [...city, ...halls.filter((h) => !city.includes(h))];
}

/** What a zone offers beyond regular hours, e.g. '错时延时 · 周末预约'. */
export function zoneServices(zone: Pick<Hall['zones'][number], 'weekendService' | 'afterHoursService'>): string {
  return [zone.afterHoursService ? '错时延时' : '', zone.weekendService ? '周末预约' : ''].filter(Boolean).join(' · ');
}

/** The booked appointment that comes next (its check-in window not yet over), or undefined. */
export function nextBooked(list: readonly Appointment[], now: Date = new Date()): Appointment | undefined {
  return list
    .filter((a) => a.status === 'booked' && new Date(a.checkInUntil) >= now)
    .sort((x, y) => `${x.date} ${x.start}`.localeCompare(`${y.date} ${y.start}`))[0];
}

/** A theme's steps against the citizen's bookings: which steps are booked (the next booked one each), and the first still to book. */
export function themeProgress<T extends { id: string; name: string }>(
  steps: readonly T[],
  mine: readonly Appointment[],
  now: Date = new Date(),
): { booked: number; byItem: Map<string, Appointment>; next: T | undefined } {
  const byItem = new Map<string, Appointment>();
  for (const step of steps) {
    const a = nextBooked(
      mine.filter((x) => x.itemId === step.id),
      now,
    );
    if (a) byItem.set(step.id, a);
  }
  return { booked: byItem.size, byItem, next: steps.find((s) => !byItem.has(s.id)) };
}
