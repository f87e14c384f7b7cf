import { createHash } from 'node:crypto';

/**
 * A small in-process cache for read-mostly upstream data (catalog, calendar, slot lists). Each instance keeps its
 * own copy for a few seconds to minutes; the core stays the source of truth. Concurrent misses share one load.
 */
export interface Cached<T> {
  value: T;
  etag: string;
  /** the value as the JSON answer, written once per entry: a hot slot list is not serialised again for every request */
  json: string;
}

export function createTtlCache<T>(o: { ttlMs: number; max?: number; now?: () => number }) {
  const now = o.now ?? Date.now;
  const max = o.max ?? 500;
  const entries = new Map<string, { at: number; item: Cached<T> }>();
  const loading = new Map<string, Promise<Cached<T>>>();
  return {
    async get(key: string, load: () => Promise<T>): Promise<Cached<T>> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < o.ttlMs) return hit.item;
      const pending = loading.get(key);
      if (pending) return pending;
      const p = load()
        .then((value) => {
          const json = JSON.stringify(value);
          const item = { value, etag: etagOfJson(json), json };
          if (entries.size >= max) entries.delete(entries.keys().next().value as string);
          entries.set(key, { at: now(), item });
          return item;
        })
        .finally(() => loading.delete(key));
      loading.set(key, p);
      return p;
    },
    /** drops every entry whose key starts with the prefix (e.g. one hall's slot lists after a booking) */
    invalidate(prefix: string): void {
      for (const k of entries.keys()) if (k.startsWith(prefix)) entries.delete(k);
    },
  };
}

export function etagOf(value: unknown): string {
  return etagOfJson(JSON.stringify(value));
}

function etagOfJson(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url').slice(0, 22)}"`;
}
