import type { HhMm } from '../calendar/date';

export const SLOT_KINDS = ['regular', 'after-hours', 'weekend'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const SLOT_KIND_LABEL: Record<SlotKind, string> = {
  regular: '正常时段',
  'after-hours': '错时延时',
  weekend: '周末/节假日预约',
};

export interface TimeRange {
  start: HhMm;
  end: HhMm;
}

export type SlotCapacity = Record<SlotKind, number>;

/**
 * Every number of the booking rules (PRODUCT.md, Slots, Per-citizen limits, Check-in).
 * These are defaults; a hall or zone may override `capacity`, and the core may change any of
 * them without a code change.
 */
export interface SlotRules {
  slotMinutes: number;
  /** Workdays and make-up workdays (调休上班). */
  regularHours: readonly TimeRange[];
  /** 错时延时: lunch break and evening, appointment only, workdays only. */
  afterHours: readonly TimeRange[];
  /** Weekends and holidays, appointment only, for the zones that offer it. */
  weekendHours: readonly TimeRange[];
  /** Seats per slot, per kind; a zone may override any kind. */
  capacity: SlotCapacity;
  /** A slot can be booked from this many minutes before its start … */
  minLeadMinutes: number;
  /** … and at most this many calendar days ahead (slot date ≤ today + n). */
  maxAheadDays: number;
  /** Cancel (or reschedule away) up to this many minutes before the start. */
  cancelLeadMinutes: number;
  /** The ticket is valid from this many minutes before the slot's start … */
  checkInBeforeMinutes: number;
  /** … to this many minutes after the slot's END (see checkInValidity). */
  checkInAfterMinutes: number;
  /** One active booking per item per day. */
  perItemPerDay: number;
  maxActiveBookings: number;
  noShowWindowDays: number;
  noShowsToSuspend: number;
  suspensionDays: number;
}

export const DEFAULT_SLOT_RULES: SlotRules = {
  slotMinutes: 30,
  regularHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ],
  afterHours: [
    { start: '12:00', end: '13:30' },
    { start: '17:00', end: '19:00' },
  ],
  weekendHours: [{ start: '09:00', end: '12:00' }],
  capacity: { regular: 6, 'after-hours': 3, weekend: 4 },
  minLeadMinutes: 120,
  maxAheadDays: 7,
  cancelLeadMinutes: 120,
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  perItemPerDay: 1,
  maxActiveBookings: 3,
  noShowWindowDays: 30,
  noShowsToSuspend: 2,
  suspensionDays: 90,
};
