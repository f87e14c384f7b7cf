import type { CoreFeature } from './feature';
import { identityFeature } from './identity.routes';

/**
 * Every feature mounted on the core mock. To add one (catalog, calendar, slots, bookings, cases,
 * complaints, ratings, bills): write `<name>.routes.ts` exporting a `CoreFeature`, give it a
 * slice in `../state.ts`, and list it here.
 */
export const CORE_FEATURES: readonly CoreFeature[] = [identityFeature];

export type { CoreDeps, CoreFeature } from './feature';
