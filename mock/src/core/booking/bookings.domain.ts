import { atShanghai, CoreRefusal, shanghaiDate } from '@jsb/shared';
import { bookingWindow, cancelDeadline, checkBookingWindow, checkCancel, type Booking, type Item } from '@jsb/shared';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import { nearestFree, remainingOf, resolveSlotForItem, type ResolvedSlot } from './slots.domain';
import { activeBookingCount, ensureNotSuspended } from './standing.domain';

/*
 * Every function here is synchronous on purpose: Node runs it to the end before it looks at the
 * next request, so "check the seat, take the seat" cannot interleave with another booking.
 * Never put an await between a check and the write it guards.
 */

const WINDOW_TEXT = {
  PAST: '该时段已过，请选择之后的时段',
  TOO_SOON: '需至少提前2小时预约，请选择稍晚的时段',
  TOO_FAR: '最多可预约7天内的时段，请选择较近的日期',
} as const;

function ensureInWindow(state: CoreState, now: Date, slot: ResolvedSlot): void {
  const { rules } = state.booking;
  const problem = checkBookingWindow(atShanghai(slot.template.date, slot.template.start), now, rules);
  if (!problem) return;
  const { earliest, latestDate } = bookingWindow(now, rules);
  throw new CoreRefusal(422, 'OUTSIDE_BOOKING_WINDOW', WINDOW_TEXT[problem], { reason: problem, earliest: earliest.toISOString(), latest: latestDate });
}

/** Per-citizen limits; `movingId` is a booking being rescheduled, which never blocks itself. */
function ensureWithinLimits(state: CoreState, personId: string, item: Item, date: string, movingId?: string): void {
  const { rules } = state.booking;
  const mine = [...state.booking.bookings.values()].filter((b) => b.personId === personId && b.status === 'booked' && b.id !== movingId);
  const sameDay = mine.filter((b) => b.itemId === item.id && b.date === date);
  if (sameDay.length >= rules.perItemPerDay) {
    throw new CoreRefusal(409, 'DAILY_LIMIT', `您已预约${date}办理“${item.name}”，同一事项每天只能预约一次；如需换时间，请改约原预约`, {
      bookingId: sameDay[0]?.id,
    });
  }
  if (movingId === undefined && mine.length >= rules.maxActiveBookings) {
    throw new CoreRefusal(409, 'ACTIVE_LIMIT', `您已有${mine.length}个未完成的预约，最多同时保留${rules.maxActiveBookings}个；请办结或取消一个后再预约`, {
      max: rules.maxActiveBookings,
      bookingIds: mine.map((b) => b.id),
    });
  }
}

function ensureSeat(state: CoreState, now: Date, slot: ResolvedSlot, item: Item): void {
  if (remainingOf(state, slot.id, slot.template) > 0) return;
  throw new CoreRefusal(409, 'SLOT_FULL', '该时段已约满，请选择下列相近的空闲时段', { nearest: nearestFree(state, now, slot, item) });
}

const shift = (state: CoreState, slotIdValue: string, delta: number): void => {
  state.booking.taken.set(slotIdValue, (state.booking.taken.get(slotIdValue) ?? 0) + delta);
};

function placeFields(slot: ResolvedSlot) {
  return {
    hallId: slot.hall.id,
    hallName: slot.hall.name,
    zoneId: slot.zone.id,
    zoneName: slot.zone.name,
    slotId: slot.id,
    date: slot.template.date,
    start: slot.template.start,
    end: slot.template.end,
    slotKind: slot.template.kind,
    dayKind: slot.day.kind,
  };
}

export interface CreateBookingInput {
  personId: string;
  itemId: string;
  slotId: string;
  requestId?: string;
}

export function createBooking(state: CoreState, now: Date, input: CreateBookingInput): { booking: Booking; replay: boolean } {
  const b = state.booking;
  const key = input.requestId === undefined ? undefined : `${input.personId}|${input.requestId}`;
  const earlier = key === undefined ? undefined : b.requests.get(key);
  if (earlier) {
    if (earlier.itemId !== input.itemId || earlier.slotId !== input.slotId) {
      throw new CoreError(409, 'IDEMPOTENCY_CONFLICT', '同一次提交的内容前后不一致，请返回重新选择后提交');
    }
    const first = b.bookings.get(earlier.bookingId);
    if (first) return { booking: first, replay: true };
  }

  const item = state.catalog.ensureItem(input.itemId);
  ensureNotSuspended(state, input.personId, now);
  const slot = resolveSlotForItem(state, input.slotId, item);
  ensureInWindow(state, now, slot);
  ensureWithinLimits(state, input.personId, item, slot.template.date);
  ensureSeat(state, now, slot, item);

  b.seq += 1;
  const booking: Booking = {
    id: `B${shanghaiDate(now).replaceAll('-', '')}${String(b.seq).padStart(5, '0')}`,
    personId: input.personId,
    itemId: item.id,
    itemName: item.name,
    ...placeFields(slot),
    status: 'booked',
    createdAt: now.toISOString(),
  };
  shift(state, slot.id, +1);
  b.bookings.set(booking.id, booking);
  if (key !== undefined) b.requests.set(key, { bookingId: booking.id, itemId: item.id, slotId: slot.id });
  return { booking, replay: false };
}

/** Another citizen's booking answers exactly like a missing one: its existence is not revealed. */
export function ensureOwnBooking(state: CoreState, id: string, personId: string): Booking {
  const booking = state.booking.bookings.get(id);
  if (!booking || booking.personId !== personId) throw new CoreError(404, 'BOOKING_NOT_FOUND', '没有找到该预约，请在“我的预约”中刷新后查看');
  return booking;
}

const STATUS_TEXT: Record<Booking['status'], string> = {
  booked: '待办理',
  cancelled: '已取消',
  'checked-in': '已签到',
  'no-show': '已失约',
  completed: '已办结',
};

export function ensureActive(booking: Booking): void {
  if (booking.status === 'booked') return;
  throw new CoreRefusal(409, 'BOOKING_NOT_ACTIVE', `该预约${STATUS_TEXT[booking.status]}，不能再操作；如需办理请重新预约`, { status: booking.status });
}

function ensureCancellable(state: CoreState, now: Date, booking: Booking): void {
  const start = atShanghai(booking.date, booking.start);
  if (!checkCancel(start, now, state.booking.rules)) return;
  const deadline = cancelDeadline(start, state.booking.rules).toISOString();
  throw new CoreRefusal(409, 'CANCEL_TOO_LATE', '距预约开始已不足2小时，不能取消或改约；如不能到场，请直接按时到大厅说明或拨打服务电话', { deadline });
}

export function cancelBooking(state: CoreState, now: Date, id: string, personId: string): Booking {
  const booking = ensureOwnBooking(state, id, personId);
  ensureActive(booking);
  ensureCancellable(state, now, booking);
  booking.status = 'cancelled';
  booking.cancelledAt = now.toISOString();
  shift(state, booking.slotId, -1);
  return booking;
}

/**
 * Move a booking to another slot in one synchronous step: every check first, then the new seat
 * is taken and the old one freed together. If any check fails, nothing has changed.
 */
export function rescheduleBooking(state: CoreState, now: Date, id: string, personId: string, newSlotId: string): Booking {
  const booking = ensureOwnBooking(state, id, personId);
  ensureActive(booking);
  if (booking.slotId === newSlotId) return booking;
  ensureCancellable(state, now, booking);
  const item = state.catalog.ensureItem(booking.itemId);
  ensureNotSuspended(state, personId, now);
  const slot = resolveSlotForItem(state, newSlotId, item);
  ensureInWindow(state, now, slot);
  ensureWithinLimits(state, personId, item, slot.template.date, booking.id);
  ensureSeat(state, now, slot, item);

  const from = booking.slotId;
  shift(state, slot.id, +1);
  shift(state, from, -1);
  Object.assign(booking, placeFields(slot), { rescheduledFrom: from });
  return booking;
}

export function listBookings(state: CoreState, personId: string, activeOnly: boolean): Booking[] {
  return [...state.booking.bookings.values()]
    .filter((b) => b.personId === personId && (!activeOnly || b.status === 'booked'))
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}

export { activeBookingCount };
