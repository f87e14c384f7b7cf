import { z } from 'zod';
import { closeDay, standingOf } from '../booking/standing.domain';
import { checkIn } from '../booking/tickets.domain';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import { personIdSchema } from './bookings.routes';
import type { CoreFeature } from './feature';

const checkinBody = z.object({ ticket: z.string().min(1).max(2048) });
const closeDayBody = z.object({ hallId: z.string().min(1), date: z.string() });

/** 现场: staff check-in by ticket, closing a day (no-shows), and a citizen's booking standing. */
export const checkinFeature: CoreFeature = {
  name: 'checkin',

  routes(router, { state, clock }) {
    router.post('/checkin', async (ctx) => {
      const { ticket } = parseInput(checkinBody, await readCoreJson(ctx));
      ctx.body = checkIn(state, clock.now(), ticket);
    });

    router.post('/staff/close-day', async (ctx) => {
      const { hallId, date } = parseInput(closeDayBody, await readCoreJson(ctx));
      ctx.body = closeDay(state, clock.now(), hallId, date);
    });

    router.get('/citizens/:personId/standing', (ctx) => {
      ctx.body = standingOf(state, parseInput(personIdSchema, ctx.params.personId), clock.now());
    });
  },
};
