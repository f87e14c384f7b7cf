import { z } from 'zod';
import {
  bookingSchema,
  calendarResponseSchema,
  hallsResponseSchema,
  itemSchema,
  itemsResponseSchema,
  slotsResponseSchema,
  standingSchema,
  themeSchema,
  themesResponseSchema,
  ticketSchema,
  type Booking,
} from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

/**
 * The core's catalog, calendar, slot and booking APIs, mapped to our shared types. A payload that no longer
 * matches its schema stops here as a protocol error instead of leaking a renamed field to the miniapp; a refusal
 * is answered as `refusal` says (features/appointments/refusals.ts).
 */
export function createCoreBookingClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  const bookingList = z.object({ bookings: z.array(bookingSchema) });

  return {
    halls: () => parsed(hallsResponseSchema, '/core/v1/catalog/halls'),
    items: (q: { hallId?: string; zoneId?: string; q?: string }) => parsed(itemsResponseSchema, '/core/v1/catalog/items', { query: q }),
    item: (id: string) => parsed(itemSchema, `/core/v1/catalog/items/${enc(id)}`),
    themes: () => parsed(themesResponseSchema, '/core/v1/catalog/themes'),
    theme: (id: string) => parsed(themeSchema, `/core/v1/catalog/themes/${enc(id)}`),
    calendar: (q: { from: string; to: string; hallId?: string }) => parsed(calendarResponseSchema, '/core/v1/calendar', { query: q }),
    slots: (q: { hallId: string; zoneId?: string; itemId?: string; from: string; to: string }) => parsed(slotsResponseSchema, '/core/v1/slots', { query: q }),
    // the request id makes the core's booking idempotent too, so a retry after a lost answer books once
    createBooking: (b: { personId: string; itemId: string; slotId: string; requestId?: string }): Promise<Booking> =>
      parsed(bookingSchema, '/core/v1/bookings', { method: 'POST', body: b, idempotent: b.requestId !== undefined }),
    bookings: (personId: string) => parsed(bookingList, '/core/v1/bookings', { query: { personId } }),
    booking: (id: string, personId: string) => parsed(bookingSchema, `/core/v1/bookings/${enc(id)}`, { query: { personId } }),
    cancel: (id: string, personId: string) => parsed(bookingSchema, `/core/v1/bookings/${enc(id)}/cancel`, { method: 'POST', body: { personId } }),
    reschedule: (id: string, personId: string, slotId: string) =>
      parsed(bookingSchema, `/core/v1/bookings/${enc(id)}/reschedule`, { method: 'POST', body: { personId, slotId } }),
    ticket: (id: string, personId: string) => parsed(ticketSchema, `/core/v1/bookings/${enc(id)}/ticket`, { query: { personId } }),
    standing: (personId: string) => parsed(standingSchema, `/core/v1/citizens/${enc(personId)}/standing`),
  };
}

export type CoreBookingClient = ReturnType<typeof createCoreBookingClient>;
