import { createBookingState, type BookingState } from './booking/booking.state';
import type { CalendarOverride } from './calendar.domain';
import { createCatalog, type Catalog } from './catalog.domain';
import { SEED_CLOSURES } from './seed/halls';
import { SEED_PERSONS, type Person } from './seed/persons';

/**
 * Everything the core mock remembers, one object per instance. A feature adds its own slice
 * here (catalog, slots, bookings, cases, ...) and seeds it in `createCoreState`, so that
 * `POST /__mock/reset` puts every slice back at once.
 */
export interface CoreState {
  /** Population registry keyed by upper-case ID number. */
  persons: Map<string, Person>;
  /** Halls, zones, items and themes: read-only seed. */
  catalog: Catalog;
  /** Per-hall and city-wide calendar overrides, later entries winning. */
  calendarOverrides: CalendarOverride[];
  booking: BookingState;
}

// Built once: the catalog never changes at run time.
const CATALOG = createCatalog();

export function createCoreState(): CoreState {
  return {
    persons: new Map(SEED_PERSONS.map((p) => [p.idNumber, { ...p }])),
    catalog: CATALOG,
    calendarOverrides: SEED_CLOSURES.map((c) => ({ ...c, closed: true })),
    booking: createBookingState(),
  };
}

/** Reset in place: route modules hold the same object. */
export function resetCoreState(state: CoreState): void {
  Object.assign(state, createCoreState());
}
