import { createBookingState, type BookingState } from './booking/booking.state';
import { createBillsState, type BillsState } from './bills/bills.state';
import type { CalendarOverride } from './calendar.domain';
import { createCasesState, type CasesState } from './cases/cases.state';
import { createComplaintsState, type ComplaintsState } from './complaints/complaints.state';
import { createCatalog, type Catalog } from './catalog.domain';
import { createEventsState, type EventsState } from './events/events.state';
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
  /** 办件, their mailing and 好差评 ratings (routes/cases.routes.ts; seeded lazily, relative to the clock) */
  cases: CasesState;
  /** 找茬: complaints and their photos (routes/complaints.routes.ts) */
  complaints: ComplaintsState;
  /** 缴费: fees on cases and utility bills (routes/bills.routes.ts) */
  bills: BillsState;
  /** the change feed every business area appends to (routes/events.routes.ts); a reset starts a new epoch */
  events: EventsState;
}

// Built once: the catalog never changes at run time.
const CATALOG = createCatalog();

export function createCoreState(): CoreState {
  return {
    persons: new Map(SEED_PERSONS.map((p) => [p.idNumber, { ...p }])),
    catalog: CATALOG,
    calendarOverrides: SEED_CLOSURES.map((c) => ({ ...c, closed: true })),
    booking: createBookingState(),
    cases: createCasesState(),
    complaints: createComplaintsState(),
    bills: createBillsState(),
    events: createEventsState(),
  };
}

/** Reset in place: route modules hold the same object. */
export function resetCoreState(state: CoreState): void {
  Object.assign(state, createCoreState());
}
