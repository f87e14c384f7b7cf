import type { Connection, Model, mongo } from 'mongoose';

type IndexSpecification = mongo.IndexSpecification;
type CreateIndexesOptions = mongo.CreateIndexesOptions;
import type { Logger } from '../log';

/**
 * Creates each model's declared indexes. FerretDB v1 (our offline MongoDB stand-in) answers
 * `NotImplemented: Index option "expireAfterSeconds"` for TTL indexes; there we create the same index
 * without the option and let a sweeper delete expired documents (see ttl-sweeper.ts). Reads never rely
 * on either: every query on expiring data also filters on its expiry field.
 */
export interface TtlField {
  model: Model<unknown>;
  field: string;
}

export interface IndexReport {
  /** collections whose TTL index the server refused, swept by the fallback instead */
  ttlFallback: TtlField[];
}

export async function ensureIndexes(conn: Connection, log: Logger): Promise<IndexReport> {
  const ttlFallback: TtlField[] = [];
  for (const model of Object.values(conn.models) as Model<unknown>[]) {
    for (const [fields, options] of model.schema.indexes()) {
      try {
        await model.collection.createIndex(fields as IndexSpecification, options as CreateIndexesOptions);
      } catch (err) {
        const notImplemented = (err as { code?: number }).code === 238 && 'expireAfterSeconds' in options;
        if (!notImplemented) throw err;
        const rest = { ...options };
        delete rest.expireAfterSeconds;
        await model.collection.createIndex(fields as IndexSpecification, rest as CreateIndexesOptions);
        const field = Object.keys(fields)[0];
        if (field) ttlFallback.push({ model, field });
        log.warn({ collection: model.collection.name, field }, 'server has no TTL indexes; expired documents are swept by the bff');
      }
    }
  }
  return { ttlFallback };
}

/** Deletes documents whose expiry has passed, for servers without TTL indexes. Idempotent and safe on many instances. */
export async function sweepExpired(fields: TtlField[], now: Date): Promise<number> {
  let deleted = 0;
  for (const { model, field } of fields) {
    const r = await model.deleteMany({ [field]: { $lt: now } });
    deleted += r.deletedCount ?? 0;
  }
  return deleted;
}
