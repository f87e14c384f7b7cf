import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { claimModel, createClaims, createHttpClientForTests, createLists, createOutbox, listEntryModel, outboxModel, type Outbox } from './outbox.fixtures';
import { startStack, type Stack } from '../support/stack';

/** A stand-in core endpoint that can be taken down, and that dedupes by request id as the real systems do. */
async function upstream() {
  const accepted = new Map<string, number>();
  const hits = new Map<string, number>();
  let received = 0;
  let down = false;
  const srv = http.createServer((req, res) => {
    received += 1;
    if (down) return void res.writeHead(503).end('{"code":"SERVICE_UNAVAILABLE"}');
    const id = String(req.headers['x-request-id']);
    hits.set(id, (hits.get(id) ?? 0) + 1);
    if (!accepted.has(id)) accepted.set(id, accepted.size + 1);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ trackingNo: `T${accepted.get(id)}` }));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    accepted,
    hits,
    get received() {
      return received;
    },
    setDown: (v: boolean) => void (down = v),
    close: () => (srv.closeAllConnections(), new Promise((r) => srv.close(r))),
  };
}

let s: Stack;
let core: Awaited<ReturnType<typeof upstream>>;
const conns: Connection[] = [];
beforeAll(async () => {
  s = await startStack({ name: 'outbox' });
  core = await upstream();
});
afterAll(async () => {
  await Promise.all(conns.map((c) => c.close()));
  await core.close();
  await s.close();
});

/** A bff instance's outbox on its own connection, as after a restart. */
async function instance(name: string): Promise<Outbox> {
  const conn = await mongoose.createConnection(s.config.MONGODB_URI, { dbName: s.config.MONGODB_DB }).asPromise();
  conns.push(conn);
  const client = createHttpClientForTests(core.url);
  return createOutbox({
    model: outboxModel(conn),
    lists: createLists({ model: listEntryModel(conn) }),
    claims: createClaims(claimModel(conn)),
    owner: name,
    clock: () => s.clock.now(),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    deliverers: {
      'test.write': (payload, requestId) =>
        client.request('/write', { method: 'POST', body: payload, headers: { 'x-request-id': requestId }, retry: false }).then((r) => r.body),
    },
    backoffMs: () => 0,
  });
}

describe('outbox', () => {
  it('delivers at once when the core is up', async () => {
    const o = await instance('a');
    const e = await o.submit('test.write', 'U1', { text: 'hello' });
    expect(e.state).toBe('delivered');
    expect(e.result).toEqual({ trackingNo: expect.stringMatching(/^T\d+$/) });
  });

  it('queues during an outage and delivers each entry exactly once after recovery, across a restart and two relays', async () => {
    core.setDown(true);
    const before = await instance('before-restart');
    const queued = await Promise.all(Array.from({ length: 12 }, (_, i) => before.submit('test.write', `U${i}`, { n: i })));
    expect(queued.every((e) => e.state === 'queued')).toBe(true);
    // the instance "dies"; two fresh instances relay after the core is back
    core.setDown(false);
    const [x, y] = [await instance('after-1'), await instance('after-2')];
    for (let round = 0; round < 3; round++) await Promise.all([x.relay(), y.relay()]);
    const docs = await s.db
      .collection('outbox')
      .find({ _id: { $in: queued.map((e) => e.id) } as never })
      .toArray();
    expect(docs.every((d) => d.state === 'delivered')).toBe(true);
    for (const e of queued) expect(core.accepted.has(e.id)).toBe(true);
    // two relays ran three rounds each: every entry reached the core exactly once
    for (const e of queued) expect(core.hits.get(e.id)).toBe(1);
  });

  it('returns the same entry for a repeated submission with the same key', async () => {
    const o = await instance('c');
    const a = await o.submit('test.write', 'U9', { n: 1 }, 'key-123456');
    const b = await o.submit('test.write', 'U9', { n: 1 }, 'key-123456');
    expect(b.id).toBe(a.id);
    expect(b.result).toEqual(a.result);
  });
});
