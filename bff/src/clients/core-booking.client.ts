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
import type { CoreClient } from './core.client';

export { CoreRefusal } from './core.client';

/**
 * The core's catalog, calendar, slot and booking APIs, mapped to our shared types. A payload that no longer
 * matches its schema stops here as a protocol error instead of leaking a renamed field to the miniapp.
 */
export function createCoreBookingClient(core: CoreClient) {
  const get = core.parsed;
  const enc = encodeURIComponent;
  const bookingList = z.object({ bookings: z.array(bookingSchema) });

  return {
    halls: () => get(hallsResponseSchema, '/core/v1/catalog/halls'),
    items: (q: { hallId?: string; zoneId?: string; q?: string }) => get(itemsResponseSchema, '/core/v1/catalog/items', { query: q }),
    item: (id: string) => get(itemSchema, `/core/v1/catalog/items/${enc(id)}`),
    themes: () => get(themesResponseSchema, '/core/v1/catalog/themes'),
    theme: (id: string) => get(themeSchema, `/core/v1/catalog/themes/${enc(id)}`),
    calendar: (q: { from: string; to: string; hallId?: string }) => get(calendarResponseSchema, '/core/v1/calendar', { query: q }),
    slots: (q: { hallId: string; zoneId?: string; itemId?: string; from: string; to: string }) => get(slotsResponseSchema, '/core/v1/slots', { query: q }),
    // the request id makes the core's booking idempotent too, so a retry after a lost answer books once
    createBooking: (b: { personId: string; itemId: string; slotId: string; requestId?: string }): Promise<Booking> =>
      get(bookingSchema, '/core/v1/bookings', { method: 'POST', body: b, idempotent: b.requestId !== undefined }),
    bookings: (personId: string) => get(bookingList, '/core/v1/bookings', { query: { personId } }),
    booking: (id: string, personId: string) => get(bookingSchema, `/core/v1/bookings/${enc(id)}`, { query: { personId } }),
    cancel: (id: string, personId: string) => get(bookingSchema, `/core/v1/bookings/${enc(id)}/cancel`, { method: 'POST', body: { personId } }),
    reschedule: (id: string, personId: string, slotId: string) =>
      get(bookingSchema, `/core/v1/bookings/${enc(id)}/reschedule`, { method: 'POST', body: { personId, slotId } }),
    ticket: (id: string, personId: string) => get(ticketSchema, `/core/v1/bookings/${enc(id)}/ticket`, { query: { personId } }),
    standing: (personId: string) => get(standingSchema, `/core/v1/citizens/${enc(personId)}/standing`),
  };
}

export type CoreBookingClient = ReturnType<typeof createCoreBookingClient>;
