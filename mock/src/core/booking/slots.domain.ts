import { atShanghai, addDays, CoreRefusal, dateRange, daysBetween, isIsoDate, shanghaiDate, type IsoDate } from '@jsb/shared';
import {
  checkBookingWindow,
  generateDaySlots,
  parseSlotId,
  slotId,
  type CalendarDay,
  type Hall,
  type HallZone,
  type Item,
  type NearestSlot,
  type Slot,
  type SlotTemplate,
  type SlotsResponse,
} from '@jsb/shared';
import { badRequest, CoreError } from '../errors';
import { calendarFor, describeDay } from '../calendar.domain';
import { ZONE_CAPACITY } from '../seed/halls';
import type { CoreState } from '../state';

export const MAX_SLOT_RANGE_DAYS = 31;

export function ensureZone(state: CoreState, hallId: string, zoneId: string): { hall: Hall; zone: HallZone } {
  const hall = state.catalog.ensureHall(hallId);
  const zone = hall.zones.find((z) => z.id === zoneId);
  if (!zone) throw new CoreError(404, 'ZONE_NOT_FOUND', `${hall.name}没有该专区，请返回重新选择`);
  return { hall, zone };
}

interface ZoneDay {
  day: CalendarDay;
  templates: SlotTemplate[];
}

/** The days of one zone with their slot templates; `weekendAllowed` false drops weekend-kind slots (an item without weekend booking). */
export function zoneDays(state: CoreState, hall: Hall, zone: HallZone, from: IsoDate, to: IsoDate, weekendAllowed: boolean): ZoneDay[] {
  const cal = calendarFor(state.calendarOverrides, hall.id, from, to);
  return dateRange(from, to).map((date) => {
    const day = describeDay(date, cal);
    const templates = generateDaySlots({
      date,
      dayKind: day.kind,
      closed: day.closed,
      zoneOffersWeekend: zone.weekendService && weekendAllowed,
      zoneOffersAfterHours: zone.afterHoursService,
      rules: state.booking.rules,
      capacity: ZONE_CAPACITY[`${hall.id}.${zone.id}`] ?? {},
    });
    return { day, templates };
  });
}

export function capacityOf(state: CoreState, id: string, template: SlotTemplate): number {
  return state.booking.slotCapacity.get(id) ?? template.capacity;
}

export function remainingOf(state: CoreState, id: string, template: SlotTemplate): number {
  return Math.max(0, capacityOf(state, id, template) - (state.booking.taken.get(id) ?? 0));
}

export function slotView(state: CoreState, hallId: string, zoneId: string, t: SlotTemplate, now: Date): Slot {
  const id = slotId(hallId, zoneId, t.date, t.start);
  const capacity = capacityOf(state, id, t);
  const remaining = remainingOf(state, id, t);
  const reason = checkBookingWindow(atShanghai(t.date, t.start), now, state.booking.rules) ?? (remaining === 0 ? 'FULL' : undefined);
  return { id, date: t.date, start: t.start, end: t.end, kind: t.kind, capacity, remaining, bookable: reason === undefined, ...(reason ? { reason } : {}) };
}

export interface SlotQuery {
  hallId: string;
  zoneId?: string;
  itemId?: string;
  from: string;
  to: string;
}

export function itemNotAtHall(item: Item, hall: Hall): CoreRefusal {
  return new CoreRefusal(422, 'ITEM_NOT_AT_HALL', `“${item.name}”不在${hall.name}的该专区办理，请选择可办理的服务中心`, {
    hallIds: item.hallIds,
    zoneId: item.zoneId,
  });
}

export function listSlots(state: CoreState, now: Date, q: SlotQuery): SlotsResponse {
  if (!isIsoDate(q.from) || !isIsoDate(q.to)) throw badRequest('from 和 to 应为 YYYY-MM-DD 格式的日期');
  const span = daysBetween(q.from, q.to);
  if (span < 0) throw badRequest('结束日期不能早于开始日期');
  if (span >= MAX_SLOT_RANGE_DAYS) throw badRequest(`一次最多查询${MAX_SLOT_RANGE_DAYS}天的号源`);
  const hall = state.catalog.ensureHall(q.hallId);
  let zoneId = q.zoneId;
  let weekendAllowed = true;
  if (q.itemId !== undefined) {
    const item = state.catalog.ensureItem(q.itemId);
    if (!item.hallIds.includes(hall.id) || (zoneId !== undefined && zoneId !== item.zoneId)) throw itemNotAtHall(item, hall);
    zoneId = item.zoneId;
    weekendAllowed = item.weekendBooking;
  }
  if (zoneId === undefined) throw badRequest('请提供 zoneId 或 itemId');
  const { zone } = ensureZone(state, hall.id, zoneId);
  const days = zoneDays(state, hall, zone, q.from, q.to, weekendAllowed).map(({ day, templates }) => ({
    ...day,
    slots: templates.map((t) => slotView(state, hall.id, zone.id, t, now)),
  }));
  return { hallId: hall.id, zoneId: zone.id, days };
}

export interface ResolvedSlot {
  id: string;
  hall: Hall;
  zone: HallZone;
  day: CalendarDay;
  template: SlotTemplate;
}

const slotNotFound = (): CoreError => new CoreError(404, 'SLOT_NOT_FOUND', '没有找到该时段，请刷新号源后重新选择');

/**
 * The slot behind an id, for booking `item`. Refusals in the order a citizen can act on them:
 * unknown slot, wrong hall or zone, hall closed that day, no such time, weekend slot for an item
 * without weekend booking.
 */
export function resolveSlotForItem(state: CoreState, id: string, item: Item): ResolvedSlot {
  const parsed = parseSlotId(id);
  const hall = parsed && state.catalog.getHall(parsed.hallId);
  const zone = parsed && hall?.zones.find((z) => z.id === parsed.zoneId);
  if (!parsed || !hall || !zone) throw slotNotFound();
  if (!item.hallIds.includes(hall.id) || item.zoneId !== zone.id) throw itemNotAtHall(item, hall);

  const [{ day, templates } = { day: undefined, templates: [] }] = zoneDays(state, hall, zone, parsed.date, parsed.date, true);
  if (!day) throw slotNotFound();
  if (day.closed) {
    throw new CoreRefusal(409, 'HALL_CLOSED', `${hall.name}${parsed.date}暂停服务（${day.closedReason}），请选择其他日期`, {
      reason: day.closedReason,
      date: parsed.date,
    });
  }
  if ((day.kind === 'weekend' || day.kind === 'holiday') && !zone.weekendService) {
    const reason = day.kind === 'holiday' ? `${day.holidayName ?? '节假日'}放假` : '周末休息';
    throw new CoreRefusal(409, 'HALL_CLOSED', `${zone.name}专区${parsed.date}${reason}，请选择工作日或调休上班日`, { reason, date: parsed.date });
  }
  const template = templates.find((t) => t.start === parsed.start);
  if (!template) throw slotNotFound();
  if (template.kind === 'weekend' && !item.weekendBooking) {
    throw new CoreRefusal(422, 'WEEKEND_NOT_OFFERED', `“${item.name}”暂不提供周末/节假日预约，请选择工作日或错时延时时段`);
  }
  return { id, hall, zone, day, template };
}

/**
 * Up to `limit` free, bookable slots of the same zone nearest in time to `target`, within the
 * booking window, that `item` may use; answered chronologically.
 */
export function nearestFree(state: CoreState, now: Date, target: ResolvedSlot, item: Item, limit = 3): NearestSlot[] {
  const today = shanghaiDate(now);
  const to = addDays(today, state.booking.rules.maxAheadDays);
  const targetMs = atShanghai(target.template.date, target.template.start).getTime();
  // nearest first, each slot's distance worked out once; only the nearest are looked at closely (window, seats) until
  // `limit` are found: a burst at a full slot asks this once per refusal
  const candidates = zoneDays(state, target.hall, target.zone, today, to, item.weekendBooking)
    .flatMap(({ templates }) => templates)
    .map((t) => ({ t, id: slotId(target.hall.id, target.zone.id, t.date, t.start), distance: Math.abs(atShanghai(t.date, t.start).getTime() - targetMs) }))
    .filter((c) => c.id !== target.id)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  const free: Slot[] = [];
  for (const c of candidates) {
    if (free.length >= limit) break;
    if (remainingOf(state, c.id, c.t) === 0) continue;
    const s = slotView(state, target.hall.id, target.zone.id, c.t, now);
    if (s.bookable) free.push(s);
  }
  return free
    .sort((a, b) => (a.date + a.start < b.date + b.start ? -1 : 1))
    .map(({ id, date, start, end, kind, remaining }) => ({ slotId: id, date, start, end, kind, remaining }));
}
