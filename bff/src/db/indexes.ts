import type { Connection, Model, mongo } from 'mongoose';
import type { Logger } from '../log';

type IndexSpecification = mongo.IndexSpecification;
type CreateIndexesOptions = mongo.CreateIndexesOptions;

/**
 * Creates each model's declared indexes. FerretDB v1 answers `NotImplemented: Index option "expireAfterSeconds"`
 * (code 238) for TTL indexes; there we create the same index without the option. Expired documents are removed by
 * the bff's sweep on every server (expiry.ts), since a server that accepts the option may still never expire.
 */
export interface IndexReport {
  /** collections whose TTL option the server refused (their expiry index was created without it) */
  ttlFallback: string[];
}

export async function ensureIndexes(conn: Connection, log: Logger): Promise<IndexReport> {
  const ttlFallback: string[] = [];
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
        ttlFallback.push(model.collection.name);
        log.info(
          { collection: model.collection.name },
          'server refused the TTL index option; created the index without it (the expiry sweep removes expired documents)',
        );
      }
    }
  }
  return { ttlFallback };
}
