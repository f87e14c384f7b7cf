/**
 * Fills the bff's database for the growth benchmark: other citizens, each with a history copied from the probes' own
 * documents (probes.ts) — the same fields, nesting and kinds of _id the bff writes — with the citizen's ids swapped in
 * and every date moved back by up to 90 days together (so a copy's expiry stays as far after its creation as the
 * bff set it, and older copies are expired, as they would be). Inserted with insertMany in big unordered batches.
 *
 * Records per citizen (10.0 on average, so 100k citizens make 1M records): sessions 1.5, appointments 1.5 (two
 * reminders per booking), complaints and other outbox entries 0.9, payments 1.0, idempotency records 1.6, messages 2.0
 * and their WeChat pushes 0.6, claims 0.5, rate-limit places 0.4; one citizen in fifty has five times as many.
 */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';

export const PER_CITIZEN: Record<string, number> = {
  sessions: 1.5,
  reminders: 1.5,
  outbox: 0.9,
  payments: 1.0,
  idempotency: 1.6,
  messages: 2.0,
  push_messages: 0.6,
  claims: 0.5,
  rate_attempts: 0.4,
};

type Doc = Record<string, unknown>;

export interface Templates {
  /** per collection, the probes' documents */
  byCollection: Map<string, Doc[]>;
  /** the probes' ids, to be swapped for a copy's own */
  probes: { userId: string; openid: string; personId: string }[];
}

const DAY = 24 * 3600_000;

/** Reads what the probes made: the documents every copy is made from. */
export async function readTemplates(db: Connection, probes: { openid: string; personId: string }[]): Promise<Templates> {
  const links = await db
    .collection('citizen_openids')
    .find({ _id: { $in: probes.map((p) => p.openid) } as never })
    .toArray();
  const ids = probes.map((p) => ({ ...p, userId: String(links.find((l) => String(l._id) === p.openid)?.userId) }));
  const byCollection = new Map<string, Doc[]>();
  for (const name of ['citizens', 'citizen_openids', ...Object.keys(PER_CITIZEN)]) {
    const docs = (await db.collection(name).find({}).toArray()) as Doc[];
    // rate-limit places and claims of sign-ins and jobs name no citizen: they are copied as they are
    byCollection.set(name, docs);
  }
  return { byCollection, probes: ids };
}

/** mulberry32: the same citizens and histories in every run */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Swap {
  from: string[];
  to: string[];
  /** appended to every string _id, so that copies of one template never meet */
  suffix: string;
  shiftMs: number;
}

function swapString(s: string, w: Swap): string {
  let out = s;
  for (let i = 0; i < w.from.length; i++) if (out.includes(w.from[i]!)) out = out.split(w.from[i]!).join(w.to[i]!);
  return out;
}

function copy(value: unknown, w: Swap): unknown {
  if (typeof value === 'string') return swapString(value, w);
  if (value instanceof Date) return new Date(value.getTime() - w.shiftMs);
  if (value instanceof Types.ObjectId) return new Types.ObjectId();
  if (Array.isArray(value)) return value.map((v) => copy(v, w));
  if (value && typeof value === 'object' && (value as { _bsontype?: string })._bsontype === undefined) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value as Doc)) out[k] = copy(v, w);
    return out;
  }
  return value;
}

function copyDoc(t: Doc, w: Swap): Doc {
  const doc = copy(t, w) as Doc;
  if (typeof doc._id === 'string') doc._id = `${doc._id}~${w.suffix}`;
  return doc;
}

/**
 * The citizen's lists a copy is filed in, as the bff files what it writes (bff/src/db/lists.ts): 消息, 缴费记录 and
 * each kind of outbox entry. (A payment's payable list is left out: copies share their template's payable.)
 */
const LIST_OF: Record<string, (doc: Doc) => string> = {
  messages: (d) => `messages|${String(d.userId)}`,
  payments: (d) => `payments|${String(d.userId)}`,
  outbox: (d) => `${String(d.kind)}|${String(d.userId)}`,
};

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/**
 * Adds `count` citizens numbered from `first` with their histories. Returns the number of documents inserted per
 * collection. `progress` is told after every batch.
 */
export async function fillCitizens(
  db: Connection,
  t: Templates,
  first: number,
  count: number,
  progress: (done: number) => void,
): Promise<Record<string, number>> {
  const rand = prng(first * 7919 + count);
  const batch = new Map<string, Doc[]>();
  const inserted: Record<string, number> = {};
  const flush = async (name: string, force = false) => {
    const docs = batch.get(name);
    if (!docs?.length || (!force && docs.length < 5000)) return;
    batch.set(name, []);
    await db.collection(name).insertMany(docs as never[], { ordered: false });
    inserted[name] = (inserted[name] ?? 0) + docs.length;
  };
  const add = async (name: string, doc: Doc) => {
    let docs = batch.get(name);
    if (!docs) batch.set(name, (docs = []));
    docs.push(doc);
    await flush(name);
  };
  // each probe's own documents per collection (or, for those that name no citizen, everybody's)
  const own = t.probes.map((p) => {
    const m = new Map<string, Doc[]>();
    for (const [name, docs] of t.byCollection) {
      const mine = docs.filter((d) => JSON.stringify(d).includes(p.userId) || JSON.stringify(d).includes(p.openid));
      m.set(name, mine.length ? mine : docs);
    }
    return m;
  });
  for (let i = first; i < first + count; i++) {
    const probe = t.probes[i % t.probes.length]!;
    const templates = own[i % t.probes.length]!;
    const userId = `U${hex(i, 18).toLowerCase()}`;
    const openid = `o_fill_${hex(i, 10)}`;
    const personId = `P${hex(0xf00000000000 + i, 12)}`;
    const heavy = rand() < 0.02 ? 5 : 1;
    const base: Omit<Swap, 'suffix' | 'shiftMs'> = { from: [probe.userId, probe.openid, probe.personId], to: [userId, openid, personId] };
    for (const name of ['citizens', 'citizen_openids']) {
      const tpl = (templates.get(name) ?? []).find((d) => String(d._id) === probe.userId || String(d._id) === probe.openid);
      if (tpl) {
        const doc = copy(tpl, { ...base, suffix: '', shiftMs: rand() * 90 * DAY }) as Doc;
        await add(name, doc);
      }
    }
    const numbers = new Map<string, number>();
    for (const [name, mean] of Object.entries(PER_CITIZEN)) {
      const pool = templates.get(name) ?? [];
      if (!pool.length) continue;
      const n = Math.floor(mean * heavy) + (rand() < (mean * heavy) % 1 ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const tpl = pool[Math.floor(rand() * pool.length)]!;
        const doc = copyDoc(tpl, { ...base, suffix: `${i}.${k}`, shiftMs: rand() * 90 * DAY });
        const listOf = LIST_OF[name];
        if (listOf) {
          const list = listOf(doc);
          const n = (numbers.get(list) ?? 0) + 1;
          numbers.set(list, n);
          doc.place = n;
          await add('list_entries', { _id: `${list}#${n}`, ref: doc._id });
        }
        await add(name, doc);
      }
    }
    for (const [list, n] of numbers) await add('list_entries', { _id: list, n });
    if ((i - first + 1) % 5000 === 0) progress(i - first + 1);
  }
  for (const name of batch.keys()) await flush(name, true);
  progress(count);
  return inserted;
}
