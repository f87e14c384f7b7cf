/**
 * True when a write failed because a document with that unique key (an `_id`, usually) is already there: the driver's
 * E11000 duplicate key error, on MongoDB and FerretDB alike. Claims, idempotency records, rate-limit places and openid
 * links all rely on it: of two inserts of one key, exactly one wins.
 */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}
