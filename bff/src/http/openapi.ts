import { z } from 'zod';
import { ERROR_CODES, errorBodySchema, type ErrorCode } from '@jsb/shared';
import { ERROR_STATUS } from './error-status';
import type { AnyRouteSpec } from './route';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete s.$schema;
  return s;
}

const GENERIC: ErrorCode[] = ['VALIDATION_FAILED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL'];
const AUTH: ErrorCode[] = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'SESSION_REVOKED'];
const BODY: ErrorCode[] = ['BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

function toOpenApiPath(koaPath: string): string {
  return koaPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(spec: AnyRouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema as z.ZodType, 'input');
    const props = (js.properties ?? {}) as Record<string, Json>;
    const required = new Set((js.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries(props)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: s, ...(s.description ? { description: s.description } : {}) });
    }
  }
  if (spec.idempotencyKey) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A repeat with the same key returns the first result.',
      schema: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' },
    });
  }
  return out;
}

/** OpenAPI 3.1 generated from the shared zod schemas of every mounted route. */
export function buildOpenApi(routes: AnyRouteSpec[], info: { version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of routes) {
    // development helpers (/__dev/*, mounted only with DEV_LOGIN, never in production) are not part of the product API
    if (spec.path.startsWith('/__')) continue;
    const codes = new Set<ErrorCode>([...GENERIC, ...(spec.auth ? AUTH : []), ...(spec.body || spec.rawBody ? BODY : []), ...(spec.errors ?? [])]);
    if (spec.params) codes.add('NOT_FOUND');
    const byStatus = new Map<number, ErrorCode[]>();
    for (const c of codes) byStatus.set(ERROR_STATUS[c], [...(byStatus.get(ERROR_STATUS[c]) ?? []), c]);
    const responses: Record<string, Json> = {};
    const okStatus = spec.file ? 200 : spec.response === null ? 204 : (spec.status ?? 200);
    responses[String(okStatus)] = spec.file
      ? { description: 'OK', content: Object.fromEntries(spec.file.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) }
      : spec.response === null
        ? { description: 'No Content' }
        : { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response as z.ZodType, 'output') } } };
    if (spec.failure) {
      const statuses = new Set([...byStatus.keys(), ...spec.failure.statuses]);
      const schema = jsonSchema(spec.failure.schema as z.ZodType, 'output');
      for (const status of [...statuses].sort((a, b) => a - b))
        responses[String(status)] = { description: 'Failure', content: { 'application/json': { schema } } };
    } else {
      for (const [status, list] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
        responses[String(status)] = {
          description: list.join(', '),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        };
      }
    }
    const op: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      parameters: parameters(spec),
      responses,
      ...(spec.auth ? { security: [{ bearerAuth: [] }] } : { security: [] }),
    };
    if (spec.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body as z.ZodType, 'input') } } };
    }
    if (spec.rawBody) {
      const content: Record<string, Json> = {};
      for (const type of spec.rawBody.types) {
        content[type] =
          type === 'multipart/form-data'
            ? { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } }
            : { schema: { type: 'string', contentMediaType: type } };
      }
      op.requestBody = { required: true, content };
    }
    const p = toOpenApiPath(spec.path);
    paths[p] = { ...(paths[p] ?? {}), [spec.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: '济时办 bff API', version: info.version, description: 'The API of the 济时办 mini-program backend-for-frontend.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorBody: jsonSchema(errorBodySchema, 'output'), ErrorCode: { type: 'string', enum: [...ERROR_CODES] } },
    },
  };
}
