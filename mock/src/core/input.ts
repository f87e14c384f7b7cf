import type { z } from 'zod';
import { badRequest } from './errors';

/** Parse a core request's input with a schema; the first problem becomes a 400 BAD_REQUEST. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? '请求参数有误'}`);
}
