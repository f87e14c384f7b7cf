import type { CoreFeature } from './feature';
import { billsFeature } from './bills.routes';
import { bookingsFeature } from './bookings.routes';
import { calendarFeature } from './calendar.routes';
import { casesFeature } from './cases.routes';
import { catalogFeature } from './catalog.routes';
import { complaintsFeature } from './complaints.routes';
import { correctionsFeature } from './corrections.routes';
import { eventsFeature } from './events.routes';
import { checkinFeature } from './checkin.routes';
import { identityFeature } from './identity.routes';
import { pingFeature } from './ping.routes';
import { slotsFeature } from './slots.routes';

/**
 * Every feature mounted on the core mock. To add one (catalog, calendar, slots, bookings, cases,
 * complaints, ratings, bills): write `<name>.routes.ts` exporting a `CoreFeature`, give it a
 * slice in `../state.ts`, and list it here.
 */
export const CORE_FEATURES: readonly CoreFeature[] = [
  pingFeature,
  identityFeature,
  catalogFeature,
  calendarFeature,
  slotsFeature,
  bookingsFeature,
  checkinFeature,
  casesFeature,
  correctionsFeature,
  complaintsFeature,
  billsFeature,
  eventsFeature,
];

export type { CoreDeps, CoreFeature } from './feature';
