import { z } from 'zod';
import { dateRange, daysBetween, isIsoDate } from '@jsb/shared';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { calendarFor, describeDay, type CalendarOverride } from '../calendar.domain';
import { badRequest } from '../errors';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';

export const MAX_CALENDAR_DAYS = 62;

const dateField = z.string().refine(isIsoDate, '应为 YYYY-MM-DD 格式的日期');
const calendarQuery = z.object({ from: dateField, to: dateField, hallId: z.string().optional() });

const overrideBody = z.strictObject({
  hallId: z.string().optional(),
  date: dateField,
  kind: z.enum(['holiday', 'workday']).optional(),
  closed: z.boolean().optional(),
  reason: z.string().min(1).max(60),
});

/** 日历: the official holidays and make-up workdays, and each hall's closures. */
export const calendarFeature: CoreFeature = {
  name: 'calendar',

  routes(router, { state }) {
    router.get('/calendar', (ctx) => {
      const { from, to, hallId } = parseInput(calendarQuery, ctx.query);
      const span = daysBetween(from, to);
      if (span < 0) throw badRequest('结束日期不能早于开始日期');
      if (span >= MAX_CALENDAR_DAYS) throw badRequest(`一次最多查询${MAX_CALENDAR_DAYS}天`);
      if (hallId !== undefined) state.catalog.ensureHall(hallId);
      const cal = calendarFor(state.calendarOverrides, hallId, from, to);
      ctx.body = { days: dateRange(from, to).map((d) => describeDay(d, cal)), ...cal };
    });
  },

  admin(router, { state }) {
    router.get('/calendar/overrides', (ctx) => {
      ctx.body = { overrides: state.calendarOverrides };
    });

    router.post('/calendar/overrides', async (ctx) => {
      const parsed = overrideBody.safeParse(await readAdminBody(ctx));
      if (!parsed.success) throw new AdminInputError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      if (parsed.data.hallId !== undefined && !state.catalog.getHall(parsed.data.hallId)) throw new AdminInputError('unknown hallId', 404, 'HALL_NOT_FOUND');
      if (parsed.data.kind === undefined && parsed.data.closed === undefined) throw new AdminInputError('give kind or closed');
      const override: CalendarOverride = parsed.data;
      state.calendarOverrides.push(override);
      ctx.status = 201;
      ctx.body = { override };
    });
  },
};
