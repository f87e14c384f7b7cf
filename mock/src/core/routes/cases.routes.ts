import { z } from 'zod';
import { addressSchema, correctionMaterialSpecSchema, PAUSE_KINDS, DECISIONS, ratingLevelSchema } from '@jsb/shared';
import { readAdminBody } from '../../infra/admin';
import {
  acceptCase,
  createCase,
  createCaseFromBooking,
  decideCase,
  ensureCase,
  ensureOwnCase,
  issueResult,
  mailResult,
  pauseCase,
  requestMailing,
  resumeCase,
  startReview,
  trackMailing,
} from '../cases/cases.domain';
import { caseView, listCases, lookupCase } from '../cases/cases.view';
import { seedCases } from '../cases/cases.seed';
import { callBack, correct, followUp, hallStats, rateCase, ratingState, ratingView, staffRatings } from '../cases/ratings.domain';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import type { CoreState } from '../state';
import { personIdSchema } from './bookings.routes';
import type { CoreDeps, CoreFeature } from './feature';

const personQuery = z.object({ personId: personIdSchema });
const lookupQuery = z.object({ caseNo: z.string().min(1).max(40), code: z.string().min(1).max(12) });
const mailingBody = z.object({ personId: personIdSchema, address: addressSchema, requestId: z.string().min(1).max(200).optional() });
const rateBody = z.object({
  personId: personIdSchema,
  requestId: z.string().min(1).max(200),
  level: ratingLevelSchema,
  tags: z.array(z.string().max(20)).max(7),
  comment: z.string().max(300),
  ratedAt: z.string().datetime().optional(),
});

/** Seeded on first use, relative to the clock's today (a reset seeds again). */
export function seeded(state: CoreState, deps: CoreDeps): CoreState {
  if (!state.cases.seeded) {
    state.cases.seeded = true;
    seedCases(state, deps.clock.now());
  }
  return state;
}

/**
 * 办件 (cases), 免费邮寄 and 好差评. Citizen-facing reads and writes are signed /core/v1 routes taking the
 * personId; the window's staff operations (accept, review steps, pauses, decision, issue, mail, the 差评
 * loop) are under /__mock/staff/* — in the real system they are the window's own console.
 */
export const casesFeature: CoreFeature = {
  name: 'cases',

  routes(router, deps) {
    const { clock } = deps;
    const st = () => seeded(deps.state, deps);
    router.get('/cases', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      const state = st();
      ctx.body = { cases: listCases(state, personId).map((c) => caseView(state, clock.now(), c)) };
    });
    router.get('/cases/lookup', (ctx) => {
      const { caseNo, code } = parseInput(lookupQuery, ctx.query);
      ctx.body = lookupCase(st(), clock.now(), caseNo, code);
    });
    router.get('/cases/:caseNo', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      const state = st();
      ctx.body = caseView(state, clock.now(), ensureOwnCase(state, ctx.params.caseNo ?? '', personId));
    });
    router.post('/cases/:caseNo/mailing', async (ctx) => {
      const input = parseInput(mailingBody, await readCoreJson(ctx));
      const state = st();
      const { c, replay } = requestMailing(state, clock.now(), ctx.params.caseNo ?? '', input.personId, input.address, input.requestId);
      ctx.status = replay ? 200 : 201;
      ctx.body = caseView(state, clock.now(), c);
    });
    router.get('/cases/:caseNo/rating', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      ctx.body = ratingState(st(), clock.now(), ctx.params.caseNo ?? '', personId);
    });
    router.post('/cases/:caseNo/rating', async (ctx) => {
      const input = parseInput(rateBody, await readCoreJson(ctx));
      const state = st();
      const { replay } = await rateCase(state, clock.now(), deps.provinceUrl, ctx.params.caseNo ?? '', input);
      ctx.status = replay ? 200 : 201;
      ctx.body = ratingView(state, clock.now(), ensureCase(state, ctx.params.caseNo ?? ''))!;
    });
    router.post('/cases/:caseNo/rating/follow-up', async (ctx) => {
      const input = parseInput(rateBody, await readCoreJson(ctx));
      const state = st();
      const { replay } = await followUp(state, clock.now(), deps.provinceUrl, ctx.params.caseNo ?? '', input);
      ctx.status = replay ? 200 : 201;
      ctx.body = ratingView(state, clock.now(), ensureCase(state, ctx.params.caseNo ?? ''))!;
    });
    router.get('/ratings/stats', (ctx) => {
      const { hallId } = parseInput(z.object({ hallId: z.string().min(1).max(40) }), ctx.query);
      ctx.body = hallStats(st(), hallId);
    });
  },

  admin(router, deps) {
    const { clock } = deps;
    const st = () => seeded(deps.state, deps);
    const now = () => clock.now();
    const view = (c: Parameters<typeof caseView>[2]) => ({ ...caseView(st(), now(), c), queryCode: c.queryCode });
    const body = async <S extends z.ZodType>(schema: S, ctx: Parameters<Parameters<typeof router.post>[1]>[0]) => parseInput(schema, await readAdminBody(ctx));
    const no = (ctx: { params: Record<string, string | undefined> }) => ctx.params.caseNo ?? '';

    router.get('/cases', (ctx) => {
      ctx.body = { cases: [...st().cases.cases.values()].map(view) };
    });
    router.post('/staff/cases', async (ctx) => {
      const input = await body(
        z.object({
          personId: personIdSchema,
          itemId: z.string(),
          hallId: z.string().optional(),
          windowNo: z.string().max(10).optional(),
          channel: z.enum(['online', 'onsite']).optional(),
          accept: z.boolean().optional(),
        }),
        ctx,
      );
      ctx.status = 201;
      ctx.body = view(createCase(st(), now(), input));
    });
    router.post('/staff/cases/from-booking', async (ctx) => {
      const { bookingId } = await body(z.object({ bookingId: z.string().min(1) }), ctx);
      ctx.status = 201;
      ctx.body = view(createCaseFromBooking(st(), now(), bookingId));
    });
    router.post('/staff/cases/:caseNo/accept', (ctx) => {
      ctx.body = view(acceptCase(st(), now(), no(ctx)));
    });
    router.post('/staff/cases/:caseNo/review', async (ctx) => {
      const step = await body(
        z.object({ department: z.string().max(60).optional(), name: z.string().max(30).optional(), note: z.string().max(200).optional() }),
        ctx,
      );
      ctx.body = view(startReview(st(), now(), no(ctx), step));
    });
    router.post('/staff/cases/:caseNo/pause', async (ctx) => {
      // 补正 with its 一次告知 list: each material, why, how many, original or copy
      const p = await body(
        z.object({ kind: z.enum(PAUSE_KINDS), reason: z.string().min(1).max(200), materials: z.array(correctionMaterialSpecSchema).min(1).max(20).optional() }),
        ctx,
      );
      ctx.body = view(pauseCase(st(), now(), no(ctx), p.kind, p.reason, p.materials));
    });
    router.post('/staff/cases/:caseNo/resume', async (ctx) => {
      const p = await body(z.object({ note: z.string().max(200).optional() }), ctx);
      ctx.body = view(resumeCase(st(), now(), no(ctx), p.note));
    });
    router.post('/staff/cases/:caseNo/decide', async (ctx) => {
      const p = await body(z.object({ decision: z.enum(DECISIONS), note: z.string().max(200).optional() }), ctx);
      ctx.body = view(decideCase(st(), now(), no(ctx), p.decision, p.note));
    });
    router.post('/staff/cases/:caseNo/issue', (ctx) => {
      ctx.body = view(issueResult(st(), now(), no(ctx)));
    });
    router.post('/staff/cases/:caseNo/mail', async (ctx) => {
      const p = await body(
        z.object({
          emsNo: z
            .string()
            .regex(/^E[A-Z]\d{9}CN$/)
            .optional(),
        }),
        ctx,
      );
      ctx.body = view(mailResult(st(), now(), no(ctx), p.emsNo));
    });
    router.post('/staff/cases/:caseNo/track', async (ctx) => {
      const p = await body(z.object({ status: z.enum(['in-transit', 'out-for-delivery', 'delivered']), place: z.string().max(60).optional() }), ctx);
      ctx.body = view(trackMailing(st(), now(), no(ctx), p.status, p.place));
    });
    router.get('/staff/ratings', (ctx) => {
      const hallId = typeof ctx.query.hallId === 'string' ? ctx.query.hallId : undefined;
      ctx.body = { ratings: staffRatings(st(), now(), hallId) };
    });
    router.post('/staff/ratings/:ratingId/callback', async (ctx) => {
      const p = await body(z.object({ note: z.string().min(1).max(300) }), ctx);
      callBack(st(), now(), ctx.params.ratingId ?? '', p.note);
      ctx.body = { ratings: staffRatings(st(), now()).filter((r) => r.ratingId === ctx.params.ratingId) };
    });
    router.post('/staff/ratings/:ratingId/correct', async (ctx) => {
      const p = await body(z.object({ feedback: z.string().min(1).max(300) }), ctx);
      correct(st(), now(), ctx.params.ratingId ?? '', p.feedback);
      ctx.body = { ratings: staffRatings(st(), now()).filter((r) => r.ratingId === ctx.params.ratingId) };
    });
  },
};
