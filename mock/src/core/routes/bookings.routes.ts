import { z } from 'zod';
import { cancelBooking, createBooking, ensureOwnBooking, listBookings, rescheduleBooking } from '../booking/bookings.domain';
import { issueTicket } from '../booking/tickets.domain';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';

/** The bff passes the personId that identity verification answered. */
export const personIdSchema = z.string().regex(/^P[0-9A-F]{12}$/, '缺少或无效的 personId');

const createBody = z.object({
  personId: personIdSchema,
  itemId: z.string().min(1),
  slotId: z.string().min(1),
  requestId: z.string().min(1).max(128).optional(),
});
const personBody = z.object({ personId: personIdSchema });
const personQuery = z.object({ personId: personIdSchema, active: z.enum(['true', 'false']).optional() });
const rescheduleBody = z.object({ personId: personIdSchema, slotId: z.string().min(1) });

/** 预约: create, list, read, cancel, reschedule, and the check-in ticket. */
export const bookingsFeature: CoreFeature = {
  name: 'bookings',

  routes(router, { state, clock }) {
    router.post('/bookings', async (ctx) => {
      const input = parseInput(createBody, await readCoreJson(ctx));
      const { booking, replay } = createBooking(state, clock.now(), input);
      ctx.status = 201;
      if (replay) ctx.set('X-Idempotent-Replay', 'true');
      ctx.body = booking;
    });

    router.get('/bookings', (ctx) => {
      const { personId, active } = parseInput(personQuery, ctx.query);
      ctx.body = { bookings: listBookings(state, personId, active === 'true') };
    });

    router.get('/bookings/:id', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      ctx.body = ensureOwnBooking(state, ctx.params.id ?? '', personId);
    });

    router.post('/bookings/:id/cancel', async (ctx) => {
      const { personId } = parseInput(personBody, await readCoreJson(ctx));
      ctx.body = cancelBooking(state, clock.now(), ctx.params.id ?? '', personId);
    });

    router.post('/bookings/:id/reschedule', async (ctx) => {
      const { personId, slotId } = parseInput(rescheduleBody, await readCoreJson(ctx));
      ctx.body = rescheduleBooking(state, clock.now(), ctx.params.id ?? '', personId, slotId);
    });

    router.get('/bookings/:id/ticket', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      ctx.body = issueTicket(state, ctx.params.id ?? '', personId);
    });
  },

  admin(router, { state }) {
    router.get('/bookings', (ctx) => {
      ctx.body = { bookings: [...state.booking.bookings.values()] };
    });
  },
};
