import { z } from 'zod';
import { parseSlotId } from '@jsb/shared';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { listSlots } from '../booking/slots.domain';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';

const slotsQuery = z.object({
  hallId: z.string().min(1),
  zoneId: z.string().optional(),
  itemId: z.string().optional(),
  from: z.string(),
  to: z.string(),
});

/** 号源: slots per hall, zone (or item) and day, with the seats left. */
export const slotsFeature: CoreFeature = {
  name: 'slots',

  routes(router, { state, clock }) {
    router.get('/slots', (ctx) => {
      ctx.body = listSlots(state, clock.now(), parseInput(slotsQuery, ctx.query));
    });
  },

  admin(router, { state }) {
    router.post('/slots/capacity', async (ctx) => {
      const { slotId, capacity } = await readAdminBody(ctx);
      if (typeof slotId !== 'string' || !parseSlotId(slotId)) throw new AdminInputError('slotId must look like hallId.zoneId.YYYY-MM-DD.HHmm');
      if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0) throw new AdminInputError('capacity must be a whole number ≥ 0');
      state.booking.slotCapacity.set(slotId, capacity);
      ctx.body = { slotId, capacity, taken: state.booking.taken.get(slotId) ?? 0 };
    });
  },
};
