import { createHash } from 'node:crypto';
import Koa from 'koa';
import { Router } from '@koa/router';
import { z } from 'zod';
import { CHANNELS, RATING_LEVELS, shanghaiDate } from '@jsb/shared';
import { AdminInputError, createAdminRouter, mountAdmin, readAdminBody } from '../infra/admin';
import type { MockClock } from '../infra/clock';
import { createFaults, type Faults } from '../infra/faults';
import { errorBoundary } from '../infra/errors';

export const PROVINCE_PREFIX = '/province/v1';

/**
 * The provincial 好差评 system (山东省政务服务“好差评”系统) as the city's core systems see it: it takes
 * each evaluation with the caller's request id and answers a receipt; a repeat of a request id answers
 * the same receipt (the city may resend after a lost answer). It holds no name, ID or phone of the rater,
 * only a pseudonymous rater key. Faults (outage, errors, latency) are its own, under /__mock/faults.
 */
export interface ProvinceMockOptions {
  clock: MockClock;
  admin?: boolean;
}

export interface ProvinceState {
  byRequest: Map<string, Evaluation>;
  seq: number;
}

export interface ProvinceMock {
  app: Koa;
  state: ProvinceState;
  faults: Faults;
}

const evaluationBody = z.object({
  requestId: z.string().min(1).max(200),
  caseNo: z.string().min(1).max(40),
  level: z.enum(RATING_LEVELS),
  tags: z.array(z.string().max(20)).max(7),
  comment: z.string().max(300),
  channel: z.enum(CHANNELS),
  hallId: z.string().max(40).optional(),
  windowNo: z.string().max(20).optional(),
  raterKey: z.string().regex(/^[0-9a-f]{16,64}$/),
  ratedAt: z.string().datetime(),
});

/** What the province holds: the evaluation as it arrived, with its receipt and how often it arrived. */
export type Evaluation = z.infer<typeof evaluationBody> & {
  receiptId: string;
  kind: 'evaluation' | 'follow-up';
  /** the evaluation a follow-up belongs to */
  parentReceiptId?: string;
  receivedAt: string;
  /** how many times this request id arrived (1 = no repeat) */
  deliveries: number;
};

const createState = (): ProvinceState => ({ byRequest: new Map(), seq: 0 });

export function createProvinceMock(opts: ProvinceMockOptions): ProvinceMock {
  const state = createState();
  const faults = createFaults({ defaults: { pathPrefix: PROVINCE_PREFIX } });
  const app = new Koa();
  app.silent = true;
  app.use(
    errorBoundary('mock-province', {
      systemError: (ctx) => {
        ctx.status = 500;
        ctx.body = { code: 'SYSTEM_ERROR', message: '系统异常' };
      },
    }),
  );

  if (opts.admin) {
    const admin = createAdminRouter({ clock: opts.clock, faults, reset: () => Object.assign(state, createState()) });
    admin.get('/evaluations', (ctx) => {
      ctx.body = { evaluations: [...state.byRequest.values()] };
    });
    admin.post('/evaluations/clear', async (ctx) => {
      await readAdminBody(ctx).catch(() => ({}));
      Object.assign(state, createState());
      ctx.body = { ok: true };
    });
    mountAdmin(app, admin);
  }

  app.use(
    faults.middleware((ctx, status) => {
      ctx.status = status;
      ctx.body = { code: 'SERVICE_UNAVAILABLE', message: '省好差评系统暂不可用' };
    }),
  );

  const receive = (kind: Evaluation['kind'], parentReceiptId?: string) => async (ctx: Koa.Context) => {
    let raw: Record<string, unknown>;
    try {
      raw = await readAdminBody(ctx);
    } catch (err) {
      if (err instanceof AdminInputError) return void ((ctx.status = 400), (ctx.body = { code: 'BAD_REQUEST', message: err.message }));
      throw err;
    }
    const parsed = evaluationBody.safeParse(raw);
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { code: 'BAD_REQUEST', message: parsed.error.issues[0]?.message ?? '参数错误' };
      return;
    }
    const input = parsed.data;
    const seen = state.byRequest.get(input.requestId);
    if (seen) {
      seen.deliveries += 1;
      ctx.status = 200;
      ctx.body = { receiptId: seen.receiptId, receivedAt: seen.receivedAt, replay: true };
      return;
    }
    const now = opts.clock.now();
    state.seq += 1;
    const digest = createHash('sha256').update(input.requestId).digest('hex').slice(0, 6).toUpperCase();
    const ev: Evaluation = {
      ...input,
      receiptId: `SDHCP${shanghaiDate(now).replaceAll('-', '')}${String(state.seq).padStart(6, '0')}${digest}`,
      kind,
      ...(parentReceiptId ? { parentReceiptId } : {}),
      receivedAt: now.toISOString(),
      deliveries: 1,
    };
    state.byRequest.set(input.requestId, ev);
    ctx.status = 201;
    ctx.body = { receiptId: ev.receiptId, receivedAt: ev.receivedAt };
  };

  const api = new Router({ prefix: PROVINCE_PREFIX });
  api.post('/evaluations', receive('evaluation'));
  api.post('/evaluations/:receiptId/follow-ups', async (ctx) => {
    const parent = [...state.byRequest.values()].find((e) => e.receiptId === ctx.params.receiptId && e.kind === 'evaluation');
    if (!parent) {
      ctx.status = 404;
      ctx.body = { code: 'EVALUATION_NOT_FOUND', message: '原评价不存在' };
      return;
    }
    await receive('follow-up', parent.receiptId)(ctx);
  });
  app.use(api.routes());
  app.use(api.allowedMethods());
  return { app, state, faults };
}
