import { z } from 'zod';
import { DAY_KINDS } from '../calendar/calendar';
import { SLOT_KINDS } from './rules';

/** The core systems' calendar, slot and booking shapes (GET/POST /core/v1/calendar, slots, bookings). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const hhmmSchema = z.string().regex(/^\d{2}:\d{2}$/);
export const dayKindSchema = z.enum(DAY_KINDS);
export const slotKindSchema = z.enum(SLOT_KINDS);

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: dayKindSchema,
  /** For a holiday, and for a make-up workday the holiday it pays for ('春节'). */
  holidayName: z.string().optional(),
  closed: z.boolean(),
  closedReason: z.string().optional(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarResponseSchema = z.object({
  days: z.array(calendarDaySchema),
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
  closures: z.record(z.string(), z.string()),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

export const SLOT_UNAVAILABLE_REASONS = ['PAST', 'TOO_SOON', 'TOO_FAR', 'FULL'] as const;

export const slotSchema = z.object({
  id: z.string(),
  date: isoDateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  kind: slotKindSchema,
  capacity: z.number().int(),
  remaining: z.number().int(),
  bookable: z.boolean(),
  reason: z.enum(SLOT_UNAVAILABLE_REASONS).optional(),
});
export type Slot = z.infer<typeof slotSchema>;

export const slotDaySchema = calendarDaySchema.extend({ slots: z.array(slotSchema) });
export type SlotDay = z.infer<typeof slotDaySchema>;

export const slotsResponseSchema = z.object({ hallId: z.string(), zoneId: z.string(), days: z.array(slotDaySchema) });
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked-in', 'no-show', 'completed'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const bookingSchema = z.object({
  id: z.string(),
  personId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  slotId: z.string(),
  date: isoDateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  slotKind: slotKindSchema,
  dayKind: dayKindSchema,
  status: bookingStatusSchema,
  createdAt: z.string(),
  cancelledAt: z.string().optional(),
  /** The slot id this booking was moved from by its latest reschedule. */
  rescheduledFrom: z.string().optional(),
  checkedInAt: z.string().optional(),
  noShowAt: z.string().optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const nearestSlotSchema = z.object({
  slotId: z.string(),
  date: isoDateSchema,
  start: hhmmSchema,
  end: hhmmSchema,
  kind: slotKindSchema,
  remaining: z.number().int(),
});
export type NearestSlot = z.infer<typeof nearestSlotSchema>;

export const ticketSchema = z.object({ bookingId: z.string(), ticket: z.string(), validFrom: z.string(), validUntil: z.string() });
export type Ticket = z.infer<typeof ticketSchema>;

export const standingSchema = z.object({
  noShows30d: z.number().int(),
  /** Last day of the suspension (inclusive), or null. */
  suspendedUntil: isoDateSchema.nullable(),
  /** One more no-show within the window would suspend online booking. */
  warning: z.boolean(),
  activeBookings: z.number().int(),
});
export type Standing = z.infer<typeof standingSchema>;

/** Every refusal code of the core booking API (HTTP status in the comment). */
export const CORE_BOOKING_ERROR_CODES = [
  'BAD_REQUEST', // 400
  'HALL_NOT_FOUND', // 404
  'ITEM_NOT_FOUND', // 404
  'THEME_NOT_FOUND', // 404
  'ZONE_NOT_FOUND', // 404
  'SLOT_NOT_FOUND', // 404
  'BOOKING_NOT_FOUND', // 404
  'SLOT_FULL', // 409 + nearest
  'OUTSIDE_BOOKING_WINDOW', // 422 + reason, earliest, latest
  'DAILY_LIMIT', // 409
  'ACTIVE_LIMIT', // 409
  'BOOKING_SUSPENDED', // 403 + until
  'HALL_CLOSED', // 409 + reason
  'ITEM_NOT_AT_HALL', // 422
  'WEEKEND_NOT_OFFERED', // 422
  'CANCEL_TOO_LATE', // 409 + deadline
  'BOOKING_NOT_ACTIVE', // 409 + status
  'IDEMPOTENCY_CONFLICT', // 409
  'TICKET_INVALID', // 400
  'TICKET_NOT_YET_VALID', // 409 + validFrom, validUntil
  'TICKET_EXPIRED', // 409 + validFrom, validUntil
  'DAY_NOT_STARTED', // 409 (close-day for a future date)
] as const;
export type CoreBookingErrorCode = (typeof CORE_BOOKING_ERROR_CODES)[number];
