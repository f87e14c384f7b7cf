import type { CoreFeature } from './feature';
import { bookingsFeature } from './bookings.routes';
import { calendarFeature } from './calendar.routes';
import { catalogFeature } from './catalog.routes';
import { checkinFeature } from './checkin.routes';
import { identityFeature } from './identity.routes';
import { pingFeature } from './ping.routes';
import { slotsFeature } from './slots.routes';

/**
 * Every feature mounted on the core mock. To add one (catalog, calendar, slots, bookings, cases,
 * complaints, ratings, bills): write `<name>.routes.ts` exporting a `CoreFeature`, give it a
 * slice in `../state.ts`, and list it here.
 */
export const CORE_FEATURES: readonly CoreFeature[] = [pingFeature, identityFeature, catalogFeature, calendarFeature, slotsFeature, bookingsFeature, checkinFeature];

export type { CoreDeps, CoreFeature } from './feature';
