import mongoose, { Schema, type Connection } from 'mongoose';
import { createLists, listEntryModel, prepareDatabase, createLogger } from '@jsb/bff';
import { findOneById } from '../../bff/src/db/by-id';
import type { MessageList } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn } from '../support/http';

/**
 * A citizen's lists (消息, 缴费记录, 我的找茬) are rows of numbered entries found by _id (bff/src/db/lists.ts, issue 14).
 * Run on both servers by `npm test`: numbers are handed out by unique inserts, the one write that is atomic on both.
 */
let s: Stack;
let extra: Connection[] = [];
beforeAll(async () => {
  s = await startStack({ name: 'lists' });
  extra = await Promise.all([1, 2, 3].map(() => mongoose.createConnection(s.config.MONGODB_URI, { dbName: s.config.MONGODB_DB }).asPromise()));
});
afterAll(async () => {
  await Promise.all(extra.map((c) => c.close()));
  await s.close();
});

interface Thing {
  _id: string;
  place: number;
  n: number;
}
const thingSchema = new Schema<Thing>({ _id: String, place: Number, n: Number }, { collection: 'listed_things', versionKey: false });
const things = () => (s.db.models.ListedThing as mongoose.Model<Thing> | undefined) ?? s.db.model<Thing>('ListedThing', thingSchema);

describe('lists', () => {
  it('give every entry its own number, none skipped, when four instances add to one list at once', async () => {
    const instances = [s.db, ...extra].map((c) => createLists({ model: listEntryModel(c) }));
    const refs = await Promise.all(
      instances.flatMap((l, k) => Array.from({ length: 15 }, (_, i) => l.add('race|u1', `r${k}.${i}`).then((n) => ({ n, ref: `r${k}.${i}` })))),
    );
    expect(refs.map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // a new instance (nothing remembered) whose note lags far behind still finds the newest
    await listEntryModel(s.db).updateOne({ _id: 'race|u1' }, { $set: { n: 3 } });
    const fresh = createLists({ model: listEntryModel(s.db) });
    const newest = await fresh.newest('race|u1', 60);
    expect(newest.map((e) => e.n)).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
    expect(new Set(newest.map((e) => e.ref)).size).toBe(60);
    expect(await fresh.add('race|u1', 'after')).toBe(61);
  });

  it('page newest first, each document once: an entry naming nothing or a document filed again is skipped', async () => {
    const lists = createLists({ model: listEntryModel(s.db) });
    const list = 'things|u2';
    for (let i = 1; i <= 25; i++) {
      const place = await lists.add(list, `t${i}`);
      await things().create({ _id: `t${i}`, place, n: i });
      if (i === 7) await lists.add(list, 'never-written'); // the writer died after taking its number
      if (i === 12) await lists.add(list, 't3'); // a repeat that found t3 already written
    }
    const load = (ids: string[]): Promise<Thing[]> =>
      things()
        .find({ _id: { $in: ids } })
        .lean<Thing[]>();
    const seen: number[] = [];
    let below: number | undefined;
    const sizes: number[] = [];
    for (let round = 0; round < 5; round++) {
      const page = await lists.page(list, { limit: 10, ...(below ? { below } : {}) }, load);
      sizes.push(page.docs.length);
      seen.push(...page.docs.map((d) => d.n));
      if (!page.next) break;
      below = page.next;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
  });

  it('file messages written before lists existed, once, when the bff starts: they show in 消息 and count as unread', async () => {
    const who = openid();
    const p = await signIn(s, who);
    const userId = (await s.db.collection('citizen_openids').findOne({ _id: who } as never))!.userId as string;
    const now = s.clock.now();
    const old = (i: number) => ({
      _id: `m_${String(i).padStart(24, '0')}`,
      userId,
      eventId: `old-${i}`,
      event: 'case.accepted',
      stream: 'case:X',
      streamSeq: i,
      title: `旧消息${i}`,
      body: '办件有了新进展。',
      nextStep: '点开查看办件进度。',
      link: { kind: 'case', id: 'X', page: '/pages/cases/detail/index?caseNo=X' },
      occurredAt: new Date(now.getTime() - (10 - i) * 60_000),
      sortKey: `${new Date(now.getTime() - (10 - i) * 60_000).toISOString()}|${i}`,
      createdAt: now,
      readAt: null,
    });
    await s.db.collection('messages').insertMany([old(1), old(2)] as never[]);
    expect((await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: p.accessToken })).body.messages).toHaveLength(0);

    await s.db.collection('list_entries').deleteOne({ _id: 'filed-before-lists' } as never);
    const log = createLogger({ level: 'silent' });
    await Promise.all([prepareDatabase(s.db, log, now), prepareDatabase(extra[0]!, log, now)]);
    const after = await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: p.accessToken });
    expect(after.body.messages.map((m) => m.title)).toEqual(['旧消息2', '旧消息1']);
    expect(after.body.unread).toBe(2);
    // filed once: a later start reads nothing and files nothing again
    await prepareDatabase(s.db, log, now);
    expect((await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: p.accessToken })).body.messages).toHaveLength(2);
  });

  it('answer lookups by _id asked for at the same moment together, each caller with its own document', async () => {
    const conn = await mongoose.createConnection(s.config.MONGODB_URI, { dbName: s.config.MONGODB_DB, monitorCommands: true }).asPromise();
    extra.push(conn);
    const finds: number[] = [];
    conn.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'find' && e.command.find === 'listed_things') finds.push(1);
    });
    const model = conn.model<Thing>('ListedThing', thingSchema);
    await model.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: `g${i}`, place: 1, n: i })));
    const asked = [...Array.from({ length: 60 }, (_, i) => `g${i}`), 'g7', 'g8', 'nobody'];
    const got = await Promise.all(asked.map((id) => findOneById<Thing>(model, id, { n: 1 })));
    expect(got.map((t) => t?.n ?? null)).toEqual([...Array.from({ length: 60 }, (_, i) => i), 7, 8, null]);
    // the first lookup goes at once, the rest wait for it and go together: one $in, or on FerretDB (whose $in reads
    // the whole collection, db/by-id.ts) one { _id } each, every id asked for once
    const ferretdb = typeof (await conn.db!.admin().command({ buildInfo: 1 })).ferretdbVersion === 'string';
    expect(finds.length).toBeLessThanOrEqual(ferretdb ? new Set(asked).size : 2);
    // alone, a lookup is asked for at once
    expect((await findOneById<Thing>(model, 'g3', { n: 1 }))?.n).toBe(3);
  });
});
