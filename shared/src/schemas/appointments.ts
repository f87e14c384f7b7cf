import { z } from 'zod';
import { atMostChars, TEXT_LIMITS } from '../text-limits';
import { bookingSchema, slotsResponseSchema, standingSchema } from '../booking/booking.schema';
import { hallSchema, itemSchema, itemSummarySchema, themeSchema, themeSummarySchema } from '../booking/catalog.schema';

/** The bff's booking API (预约). Catalog shapes are the core's own, served as they are. */
export const hallListSchema = z.object({ halls: z.array(hallSchema) });
export const itemListSchema = z.object({ items: z.array(itemSummarySchema) });
export const themeListSchema = z.object({ themes: z.array(themeSummarySchema) });
export { itemSchema, themeSchema };

export const listItemsQuerySchema = z.strictObject({
  hallId: z.string().max(40).optional(),
  zoneId: z.string().max(40).optional(),
  q: z.string().trim().max(TEXT_LIMITS.search.max, atMostChars('搜索词', TEXT_LIMITS.search.max)).optional(),
});
// not "." or "..": a dot segment would walk up the core's URL (/core/v1/bookings/.. is /core/v1/)
export const idParamSchema = z.strictObject({ id: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.:-]{1,80}$/, '编号格式不正确') });

export const listSlotsQuerySchema = z
  .strictObject({
    hallId: z.string().min(1, '请选择大厅').max(40),
    zoneId: z.string().max(40).optional(),
    itemId: z.string().max(40).optional(),
    // a real calendar day (z.iso.date refuses 0000-00-00 or 2026-02-30, which used to reach date arithmetic and answer 500)
    from: z.iso.date('日期应为 YYYY-MM-DD 格式的有效日期').optional(),
    to: z.iso.date('日期应为 YYYY-MM-DD 格式的有效日期').optional(),
  })
  .refine((q) => q.zoneId || q.itemId, { message: '请选择办事专区或事项', path: ['itemId'] });
export const slotListSchema = slotsResponseSchema;

/** What the citizen sees of a booking: no personId; labels and deadlines worked out for display. */
export const appointmentSchema = bookingSchema.omit({ personId: true }).extend({
  /** cancel and reschedule are allowed until this instant (2 hours before by default) */
  changeDeadline: z.string(),
  canChange: z.boolean(),
  checkInFrom: z.string(),
  checkInUntil: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;
export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });

export const createAppointmentRequestSchema = z.strictObject({
  itemId: z.string().min(1, '请选择事项').max(40),
  slotId: z.string().min(1, '请选择时段').max(80),
});
export type CreateAppointmentRequest = z.infer<typeof createAppointmentRequestSchema>;

export const rescheduleRequestSchema = z.strictObject({ slotId: z.string().min(1, '请选择新的时段').max(80) });

export const appointmentTicketSchema = z.object({
  appointmentId: z.string(),
  /** the signed ticket the QR code encodes */
  ticket: z.string(),
  /** a PNG of the QR code, as a data URL */
  qrPng: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
});
export type AppointmentTicket = z.infer<typeof appointmentTicketSchema>;

export const bookingStandingSchema = standingSchema.extend({
  /** the rule, spelled out for the citizen */
  rule: z.string(),
});
export type BookingStanding = z.infer<typeof bookingStandingSchema>;
