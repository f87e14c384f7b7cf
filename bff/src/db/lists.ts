import { Schema, type Connection } from 'mongoose';
import { findByIds } from './by-id';
import { isDuplicateKey } from './duplicate';

/**
 * A citizen's own lists (消息, 缴费记录, 我的找茬 …) found by `_id` alone (issue 14). Both emulators we run on find a
 * document quickly only by `_id` (mongo-java-server also by a unique index): a query on `userId` reads the whole
 * collection, so a list that filters on it grows with everybody's data. Here each list is a row of numbered entries,
 * `<list>#1`, `<list>#2` …, each naming one document (`ref`), newest last; reading the newest entries is one lookup of
 * known `_id`s whatever the size of the database.
 *
 * An entry is added by inserting the next free number: of two inserts of one number exactly one wins (unique `_id`,
 * atomic on every server, see claims.ts), the other takes the next, so numbers are never shared and never skipped. A
 * note `<list>` remembers roughly the highest number (written without a lock: it may lag, never lead), where readers
 * and writers start; a reader looks a few numbers past it.
 *
 * The document an entry names records its own number (`place`). A writer takes the number first and then writes the
 * document with it, so a crash in between leaves an entry that names nothing (skipped by readers) and a repeat that
 * finds the document already there leaves an entry whose number the document does not carry (skipped too): every
 * document is listed once, at the number it carries. Documents written before lists existed carry none and are
 * listed at their first entry (`fileExisting`).
 */
const entrySchema = new Schema(
  {
    _id: { type: String, required: true },
    /** an entry: the document it names */
    ref: { type: String },
    /** the note: the highest number known to be taken */
    n: { type: Number },
  },
  { collection: 'list_entries', versionKey: false },
);

const build = (conn: Connection) => conn.model('ListEntry', entrySchema);
export type ListEntryModel = ReturnType<typeof build>;
export function listEntryModel(conn: Connection): ListEntryModel {
  return (conn.models.ListEntry as ListEntryModel | undefined) ?? build(conn);
}

export interface ListEntry {
  n: number;
  ref: string;
}

/** A document a list names: its `_id` and the number of the entry that lists it. */
export interface Listed {
  _id: string;
  place?: number | null;
}

/** how many numbers past the note a reader looks at once */
const LOOK_PAST = 8;

export function createLists(d: { model: ListEntryModel }) {
  /** the highest number this instance took or saw, per list: where it starts next time without reading the note */
  const seen = new Map<string, number>();
  const know = (list: string, n: number) => {
    if ((seen.get(list) ?? 0) >= n) return;
    if (seen.size > 50_000) seen.clear();
    seen.set(list, n);
  };

  async function noteOf(list: string): Promise<number> {
    return (await d.model.findById(list, { n: 1 }).lean())?.n ?? 0;
  }

  async function remember(list: string, n: number): Promise<void> {
    try {
      await d.model.updateOne({ _id: list }, { $max: { n } }, { upsert: true });
    } catch (err) {
      // two first notes at once: the other was inserted; move it on instead
      if (!isDuplicateKey(err)) throw err;
      await d.model.updateOne({ _id: list }, { $max: { n } });
    }
  }

  async function fetch(list: string, from: number, to: number): Promise<Map<number, string>> {
    if (to < from) return new Map();
    const ids: string[] = [];
    for (let n = Math.max(1, from); n <= to; n++) ids.push(`${list}#${n}`);
    const docs = await findByIds<{ _id: string; ref?: string }>(d.model, ids, { ref: 1 });
    return new Map(docs.map((x) => [Number(x._id.slice(x._id.lastIndexOf('#') + 1)), x.ref ?? '']));
  }

  /** Up to `count` entries, newest first; below number `below` when given (a page further down). */
  async function newest(list: string, count: number, below?: number): Promise<ListEntry[]> {
    let got: Map<number, string>;
    let top: number;
    if (below !== undefined) {
      top = below - 1;
      got = await fetch(list, top - count + 1, top);
    } else {
      const start = Math.max(seen.get(list) ?? 0, await noteOf(list));
      let looked = start + LOOK_PAST;
      got = await fetch(list, start - count + 1, looked);
      top = start;
      while (got.has(top + 1)) top += 1;
      while (top === looked) {
        // every number looked at past the note was taken (the note lags far behind): look further
        for (const [k, v] of await fetch(list, looked + 1, looked + LOOK_PAST)) got.set(k, v);
        looked += LOOK_PAST;
        while (got.has(top + 1)) top += 1;
      }
      if (top > start) {
        know(list, top);
        if (top - start >= LOOK_PAST) await remember(list, top);
      }
    }
    const out: ListEntry[] = [];
    for (let n = top; n >= 1 && out.length < count; n--) {
      const ref = got.get(n);
      if (ref !== undefined) out.push({ n, ref });
    }
    return out;
  }

  return {
    /** Adds `ref` as the newest entry of `list`; returns its number (to be written into the document as `place`). */
    async add(list: string, ref: string): Promise<number> {
      let n = (seen.get(list) ?? (await noteOf(list))) + 1;
      let noteRead = !seen.has(list);
      for (;;) {
        try {
          await d.model.collection.insertOne({ _id: `${list}#${n}` as never, ref });
          break;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          if (!noteRead) {
            noteRead = true;
            n = Math.max(n, await noteOf(list));
          }
          n += 1;
        }
      }
      know(list, n);
      await remember(list, n);
      return n;
    },

    newest,

    /**
     * One page of the documents a list names, newest first, each once (see above); `load` reads documents by `_id`
     * (db/by-id.ts) and may leave out those the page should not show.
     * `next` is the number to pass as `below` for the page after this one.
     */
    async page<T extends Listed>(
      list: string,
      q: { limit: number; below?: number },
      load: (ids: string[]) => Promise<T[]>,
    ): Promise<{ docs: T[]; next?: number }> {
      const docs: T[] = [];
      const listed = new Set<string>();
      let below = q.below;
      let last = 0;
      for (let round = 0; round < 5; round++) {
        const want = q.limit - docs.length + 1;
        const entries = await newest(list, want, below);
        if (!entries.length) break;
        const found = new Map((await load([...new Set(entries.map((e) => e.ref))])).map((x) => [x._id, x]));
        for (const e of entries) {
          const doc = found.get(e.ref);
          if (!doc || listed.has(doc._id) || (doc.place != null && doc.place !== e.n)) continue;
          if (docs.length === q.limit) return { docs, next: last };
          listed.add(doc._id);
          docs.push(doc);
          last = e.n;
        }
        if (entries.length < want) break;
        below = entries[entries.length - 1]!.n;
      }
      return { docs };
    },
  };
}

export type Lists = ReturnType<typeof createLists>;
