import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import type { ErrorCode } from '@jsb/shared';
import { AppError } from './errors';
import { etagOf } from './cache';
import type { AuthContext, Authenticator } from './auth';
import { jsonBody } from './middleware';
import { ensureIdempotencyKey } from '../db/idempotency';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * A body the route reads itself (a photo, a PDF) instead of JSON: at most `maxBytes` (a multipart envelope may add a
 * little), refused with the route's own 413. The declared type is not trusted: the service decides from the bytes.
 */
export interface RawBodySpec {
  /** content types it takes, for the OpenAPI document */
  types: string[];
  maxBytes: number;
  /** the 413 to answer, with the declared size when the request said it */
  tooLarge: (bytes?: number) => AppError;
}

/** A raw body as read: its bytes, the declared Content-Type (multipart needs its boundary) and X-File-Name, decoded. */
export interface RawBody {
  data: Buffer;
  contentType: string;
  filename?: string;
}

export interface RouteSpec<B, Q, P, R, A extends boolean = boolean, W extends RawBodySpec | undefined = RawBodySpec | undefined, I extends boolean = boolean> {
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
  /** The body is not JSON: it is read here, after sign-in, and handed over as `raw` (a Buffer and what the phone said). */
  rawBody?: W;
  /** Accepts an Idempotency-Key header: read and checked here, handed over as `idempotencyKey`; a repeat is the service's. */
  idempotencyKey?: I;
  cache?: string;
  handler: (input: {
    body: Out<B>;
    query: Out<Q>;
    params: Out<P>;
    auth: A extends true ? AuthContext : undefined;
    raw: W extends RawBodySpec ? RawBody : undefined;
    idempotencyKey: I extends true ? string | undefined : undefined;
    /** for the edge only (the client address, the request id, an ETag); never handed to a service */
    ctx: Context;
  }) => Promise<R extends z.ZodType ? z.input<R> : void | FileAnswer>;
}

/** What the handler of a `file` operation returns */
export interface FileAnswer {
  contentType: string;
  data: Buffer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any, any, any, any, any, any>;

export interface RouteTable {
  routes: AnyRouteSpec[];
  add<
    B extends Schema | undefined,
    Q extends Schema | undefined,
    P extends Schema | undefined,
    R extends Schema | null,
    A extends boolean,
    W extends RawBodySpec | undefined = undefined,
    I extends boolean = false,
  >(
    spec: RouteSpec<B, Q, P, R, A, W, I>,
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
    // named by operationId, so requestBodies() can tell which route a request is for before it runs
    router[spec.method](spec.operationId, spec.path, async (ctx) => {
      const auth = spec.auth ? await deps.authenticate(ctx.get('authorization')) : undefined;
      if (auth) ctx.state.auth = auth;
      const raw = spec.rawBody ? await readRawBody(ctx, spec.rawBody as RawBodySpec) : undefined;
      const body = spec.body ? (spec.body as Schema).parse(ctx.state.body ?? {}) : spec.rawBody ? undefined : rejectBody(ctx);
      const query = spec.query ? (spec.query as Schema).parse(ctx.query) : undefined;
      const params = spec.params ? (spec.params as Schema).parse(ctx.params) : undefined;
      const idempotencyKey = spec.idempotencyKey ? idempotencyKeyOf(ctx) : undefined;
      const result = await spec.handler({ body, query, params, auth, raw, idempotencyKey, ctx });
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
      const json = ctx.state.json as string | undefined;
      if (typeof json === 'string') {
        ctx.type = 'application/json';
        ctx.body = json;
      } else ctx.body = out;
    });
  }
  return router;
}

/**
 * Request bodies, before any route runs (so a body too large is refused before sign-in is checked, as JSON's is): a
 * route that declares `rawBody` gets its declared size checked and its bytes left for it; every other request goes
 * through the JSON parser and its small limit.
 */
export function requestBodies(table: RouteTable, router: Router, jsonLimitBytes: number): Middleware {
  const raw = new Map(table.routes.filter((r) => r.rawBody).map((r) => [r.operationId, r.rawBody as RawBodySpec]));
  const json = jsonBody(jsonLimitBytes);
  return (ctx, next) => {
    // the layer that will answer: the first that matches path and method
    const name = raw.size ? router.match(ctx.path, ctx.method).pathAndMethod[0]?.name : undefined;
    const spec = name ? raw.get(name) : undefined;
    if (!spec) return json(ctx, next);
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > rawLimit(ctx, spec)) throw refuseRest(ctx, spec.tooLarge(declared));
    return next();
  };
}

/** a multipart envelope (wx.uploadFile) adds a few hundred bytes of headers around the file */
const MULTIPART_ENVELOPE_BYTES = 16 * 1024;
const rawLimit = (ctx: Context, spec: RawBodySpec) => spec.maxBytes + (/^multipart\/form-data/i.test(ctx.get('content-type')) ? MULTIPART_ENVELOPE_BYTES : 0);

/** Stops reading a body we refuse, and closes the connection after answering. */
function refuseRest(ctx: Context, err: AppError): AppError {
  ctx.req.resume();
  ctx.set('Connection', 'close');
  return err;
}

async function readRawBody(ctx: Context, spec: RawBodySpec): Promise<RawBody> {
  const limit = rawLimit(ctx, spec);
  const chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn: false so that refusing an oversized body still lets us answer 413 on this socket
  for await (const chunk of ctx.req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) throw refuseRest(ctx, spec.tooLarge());
    chunks.push(chunk as Buffer);
  }
  const name = ctx.get('x-file-name');
  return { data: Buffer.concat(chunks), contentType: ctx.get('content-type'), ...(name ? { filename: safeDecode(name) } : {}) };
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** The Idempotency-Key header, checked; an empty one is no key. */
function idempotencyKeyOf(ctx: Context): string | undefined {
  const key = ctx.get('idempotency-key');
  if (!key) return undefined;
  ensureIdempotencyKey(key);
  return key;
}

function rejectBody(ctx: Context): undefined {
  const body = ctx.state.body as unknown;
  if (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
    throw new AppError('VALIDATION_FAILED', { message: '这个操作不需要提交内容。', hint: '请去掉请求内容后重试。' });
  }
  return undefined;
}
