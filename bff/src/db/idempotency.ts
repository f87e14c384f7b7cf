import { createHash } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { AppError, isAppError } from '../http/errors';
import { ERROR_STATUS } from '../http/error-status';
import { isDuplicateKey } from './duplicate';

/**
 * Idempotency records: a write repeated with the same Idempotency-Key (a flaky phone network, a double tap)
 * returns the first result instead of doing the work twice. The record is claimed with one insert on a unique
 * _id, so two concurrent repeats cannot both run. Refusals (4xx) are remembered too; upstream failures (5xx)
 * are forgotten so the citizen can simply try again.
 */
const idempotencySchema = new Schema(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    status: { type: Number },
    body: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'idempotency', versionKey: false },
);
idempotencySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('Idempotency', idempotencySchema);
export type IdempotencyModel = ReturnType<typeof build>;
export function idempotencyModel(conn: Connection): IdempotencyModel {
  return (conn.models.Idempotency as IdempotencyModel | undefined) ?? build(conn);
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** A key of the form we store (checked at the edge by route.ts, and again by `once` for callers inside the bff). */
export function ensureIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('VALIDATION_FAILED', { message: 'Idempotency-Key 格式不正确。', hint: '请使用8到128位的字母、数字、-或_。' });
  }
}

export interface IdempotentCall<T> {
  userId: string;
  operation: string;
  key: string | undefined;
  request: unknown;
  run: () => Promise<T>;
}

export interface IdempotencyStore {
  /** Runs `run` once per (citizen, operation, key); a repeat gets the stored result, or the stored refusal thrown again. */
  once<T>(call: IdempotentCall<T>): Promise<T>;
}

/**
 * A record still pending this long after it was claimed belongs to a request that can no longer be running (its
 * bff instance died mid-request: a crash, a SIGKILL, a lost database): a repeat takes it over and runs the write
 * again, instead of being told "still in progress" until the record expires. The work behind it must therefore be
 * safe to run again (keyed writes: the outbox entry id, the core's request id).
 */
export const STALE_PENDING_MS = 30_000;

export function createIdempotencyStore(o: {
  model: IdempotencyModel;
  clock: () => Date;
  ttlHours?: number;
  waitMs?: number;
  staleMs?: number;
}): IdempotencyStore {
  const ttlMs = (o.ttlHours ?? 24) * 3600_000;
  const waitMs = o.waitMs ?? 3000;
  const staleMs = o.staleMs ?? STALE_PENDING_MS;
  return {
    async once<T>(call: IdempotentCall<T>): Promise<T> {
      if (call.key === undefined) return call.run();
      ensureIdempotencyKey(call.key);
      const id = `${call.userId}:${call.operation}:${call.key}`;
      const requestHash = createHash('sha256')
        .update(JSON.stringify(call.request ?? null))
        .digest('hex');
      const now = o.clock();
      try {
        await o.model.create({ _id: id, requestHash, state: 'pending', createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        if (!(await takeOver(id, requestHash, now))) return replay<T>(id, requestHash);
      }
      try {
        const result = await call.run();
        await o.model.updateOne({ _id: id }, { $set: { state: 'done', status: 200, body: result as unknown } });
        return result;
      } catch (err) {
        if (isAppError(err) && ERROR_STATUS[err.code] < 500) {
          const stored = { code: err.code, message: err.message, hint: err.hint, details: err.details ?? null };
          await o.model.updateOne({ _id: id }, { $set: { state: 'done', status: ERROR_STATUS[err.code], body: { error: stored } } });
        } else {
          await o.model.deleteOne({ _id: id });
        }
        throw err;
      }
    },
  };

  /** true when the pending record `id` was abandoned and this caller won it (one insert on a unique _id decides) */
  async function takeOver(id: string, requestHash: string, now: Date): Promise<boolean> {
    const doc = await o.model.findById(id, { state: 1, requestHash: 1, createdAt: 1 }).lean();
    if (!doc || doc.state !== 'pending' || doc.requestHash !== requestHash || now.getTime() - doc.createdAt.getTime() < staleMs) return false;
    try {
      await o.model.create({
        _id: `${id}#takeover#${doc.createdAt.getTime()}`,
        requestHash,
        state: 'done',
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await o.model.updateOne({ _id: id }, { $set: { createdAt: now } });
    return true;
  }

  async function replay<T>(id: string, requestHash: string): Promise<T> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const doc = await o.model.findById(id).lean();
      if (!doc) throw new AppError('IDEMPOTENCY_CONFLICT', { message: '上一次提交没有成功。', hint: '请重新提交。' });
      if (doc.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT');
      if (doc.state === 'done') {
        const body = doc.body as { error?: { code: AppError['code']; message: string; hint: string; details: Record<string, unknown> | null } };
        if (body?.error) throw new AppError(body.error.code, { message: body.error.message, hint: body.error.hint, details: body.error.details ?? undefined });
        return doc.body as T;
      }
      if (Date.now() > deadline) {
        throw new AppError('IDEMPOTENCY_CONFLICT', { message: '同一次提交正在处理中。', hint: '请稍候几秒后刷新查看结果，不要重复提交。' });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
