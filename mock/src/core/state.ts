import { SEED_PERSONS, type Person } from './seed/persons';

/**
 * Everything the core mock remembers, one object per instance. A feature adds its own slice
 * here (catalog, slots, bookings, cases, ...) and seeds it in `createCoreState`, so that
 * `POST /__mock/reset` puts every slice back at once.
 */
export interface CoreState {
  /** Population registry keyed by upper-case ID number. */
  persons: Map<string, Person>;
}

export function createCoreState(): CoreState {
  return {
    persons: new Map(SEED_PERSONS.map((p) => [p.idNumber, { ...p }])),
  };
}

/** Reset in place: route modules hold the same object. */
export function resetCoreState(state: CoreState): void {
  Object.assign(state, createCoreState());
}
