import type { Booking } from '@jsb/shared';
import type { CoreState } from '@jsb/mock';

const STATUSES: Booking['status'][] = ['completed', 'completed', 'completed', 'cancelled', 'no-show', 'booked'];

/**
 * The core's side of the growth benchmark: as many bookings as the bff holds appointments, for other people, copied
 * from the probes' own bookings (the core's shape), mostly past. Seats are not taken: every slot the bench lists or
 * books keeps its capacity.
 */
export function seedBookings(state: CoreState, o: { count: number; seed: number }): number {
  const templates = [...state.booking.bookings.values()];
  if (!templates.length) throw new Error('seedBookings: the probes made no bookings to copy');
  let x = o.seed >>> 0;
  const rand = () => (x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  for (let i = 0; i < o.count; i++) {
    const t = templates[i % templates.length]!;
    const id = `BF${o.seed}${String(i).padStart(8, '0')}`;
    const personId = `P${((o.seed * 1_000_003 + Math.floor(i / 2)) % 0xffffffffffff).toString(16).toUpperCase().padStart(12, '0')}`;
    state.booking.bookings.set(id, { ...t, id, personId, status: STATUSES[Math.floor(rand() * STATUSES.length)]! });
  }
  return state.booking.bookings.size;
}
