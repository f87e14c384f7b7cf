import { z } from 'zod';

export const okSchema = z.object({ ok: z.literal(true) });
export const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.string()).optional() });
