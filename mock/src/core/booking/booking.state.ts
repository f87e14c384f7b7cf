import { randomBytes } from 'node:crypto';
import { DEFAULT_SLOT_RULES, type Booking, type SlotRules } from '@jsb/shared';
import type { IsoDate } from '@jsb/shared';

export interface IdempotencyRecord {
  bookingId: string;
  itemId: string;
  slotId: string;
}

/** Everything the booking system remembers. Seats are counted, not derived, so a take is O(1). */
export interface BookingState {
  rules: SlotRules;
  bookings: Map<string, Booking>;
  /** Seats held per slot id by bookings in status 'booked' or 'checked-in'. */
  taken: Map<string, number>;
  /** Admin override of one slot's capacity. */
  slotCapacity: Map<string, number>;
  /** `${personId}|${requestId}` → the booking that request created. */
  requests: Map<string, IdempotencyRecord>;
  /** Per person: the dates of their no-shows. */
  noShows: Map<string, IsoDate[]>;
  /** Per person: the last day (inclusive) of a booking suspension. */
  suspendedUntil: Map<string, IsoDate>;
  seq: number;
  /** Signs check-in tickets; never leaves the core. */
  ticketKey: Buffer;
}

export function createBookingState(): BookingState {
  return {
    rules: DEFAULT_SLOT_RULES,
    bookings: new Map(),
    taken: new Map(),
    slotCapacity: new Map(),
    requests: new Map(),
    noShows: new Map(),
    suspendedUntil: new Map(),
    seq: 0,
    ticketKey: randomBytes(32),
  };
}
