import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { ErrorCode } from '@jsb/shared';
import { AppError } from './errors';
import { etagOf } from './cache';
import type { AuthContext, Authenticator } from './auth';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<B, Q, P, R, A extends boolean = boolean> {
  method: Method;
  /** koa-style path, e.g. /api/v1/appointments/:id */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** signed-in citizens only */
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  /** response schema; null for 204 No Content */
  response: R | null;
  status?: number;
  /** codes this operation may answer beyond the generic ones, for the OpenAPI document */
  errors?: ErrorCode[];
  /**
   * For an operation whose failures are not our error body (a webhook answering in its caller's format):
   * the schema of its failure answers and the statuses it may answer with, for the OpenAPI document.
   */
  failure?: { schema: Schema; statuses: number[] };
  /**
   * The operation answers a file (e.g. a photo): the handler returns its type and bytes, `response` is null, and these
   * are the types it may have, for the OpenAPI document. `cache` applies as for JSON answers.
   */
  file?: string[];
  /** content types of a body the handler reads itself (not JSON), for the OpenAPI document */
  rawBody?: string[];
  /** Accepts an Idempotency-Key header (documented; enforcement is by the service) */
  idempotencyKey?: boolean;
  cache?: string;
  handler: (input: {
    body: Out<B>;
    query: Out<Q>;
    params: Out<P>;
    auth: A extends true ? AuthContext : undefined;
    ctx: Context;
  }) => Promise<R extends z.ZodType ? z.input<R> : void | FileAnswer>;
}

/** What the handler of a `file` operation returns */
export interface FileAnswer {
  contentType: string;
  data: Buffer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any, any, any, any>;

export interface RouteTable {
  routes: AnyRouteSpec[];
  add<
    B extends Schema | undefined,
    Q extends Schema | undefined,
    P extends Schema | undefined,
    R extends Schema | null,
    A extends boolean,
  >(
    spec: RouteSpec<B, Q, P, R, A>,
  ): void;
}

export function createRouteTable(): RouteTable {
  const routes: AnyRouteSpec[] = [];
  return { routes, add: (spec) => void routes.push(spec as AnyRouteSpec) };
}

/**
 * Mounts every route: parse input with the shared schemas, authenticate, call the handler, set the response.
 * Outside production the response is also checked against its schema, so the OpenAPI document cannot drift.
 */
export function mountRoutes(table: RouteTable, deps: { authenticate: Authenticator; checkResponses: boolean }): Router {
  const router = new Router();
  for (const spec of table.routes) {
    router[spec.method](spec.path, async (ctx) => {
      const auth = spec.auth ? await deps.authenticate(ctx) : undefined;
      if (auth) ctx.state.auth = auth;
      const body = spec.body ? (spec.body as Schema).parse(ctx.state.body ?? {}) : rejectBody(ctx);
      const query = spec.query ? (spec.query as Schema).parse(ctx.query) : undefined;
      const params = spec.params ? (spec.params as Schema).parse(ctx.params) : undefined;
      const result = await spec.handler({ body, query, params, auth, ctx });
      if (spec.file) {
        const f = result as FileAnswer;
        if (spec.cache) ctx.set('Cache-Control', spec.cache);
        ctx.type = f.contentType;
        ctx.set('Content-Disposition', 'inline');
        ctx.status = 200;
        ctx.body = f.data;
        return;
      }
      if (spec.response === null) {
        ctx.status = 204;
        return;
      }
      const out = deps.checkResponses ? (spec.response as Schema).parse(result) : result;
      if (spec.cache) {
        ctx.set('Cache-Control', spec.cache);
        const etag = (ctx.state.etag as string | undefined) ?? etagOf(out);
        ctx.set('ETag', etag);
        if (ctx.get('if-none-match') === etag) {
          ctx.status = 304;
          return;
        }
      }
      ctx.status = spec.status ?? 200;
      ctx.body = out;
    });
  }
  return router;
}

function rejectBody(ctx: Context): undefined {
  const body = ctx.state.body as unknown;
  if (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
    throw new AppError('VALIDATION_FAILED', { message: '这个操作不需要提交内容。', hint: '请去掉请求内容后重试。' });
  }
  return undefined;
}
