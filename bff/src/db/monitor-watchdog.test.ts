import { EventEmitter } from 'node:events';
import type { mongo } from 'mongoose';
import { watchMonitor } from './monitor-watchdog';

/** a MongoClient as far as the watchdog sees it: events, options, and one server's monitor inside the topology */
function fakeClient(monitor: { close(): void; connect(): void } | null) {
  const client = Object.assign(new EventEmitter(), {
    options: { connectTimeoutMS: 1000, heartbeatFrequencyMS: 500 },
    topology: { s: { servers: new Map([['db:27017', { monitor }]]) } },
  });
  return client as unknown as mongo.MongoClient & EventEmitter;
}
const tick = () => new Promise((r) => setTimeout(r, 30));

describe('watchMonitor: a monitor check that never ends is restarted', () => {
  let t = 0;
  const now = () => t;
  const logged: string[] = [];
  const log = { warn: (_o: unknown, msg: string) => void logged.push(msg), error: (_o: unknown, msg: string) => void logged.push(msg) };
  beforeEach(() => {
    t = 0;
    logged.length = 0;
  });

  it('leaves checks that end alone, and restarts one still running after twice connectTimeoutMS + a heartbeat + the slack', async () => {
    const calls: string[] = [];
    const client = fakeClient({ close: () => void calls.push('close'), connect: () => void calls.push('connect') });
    const w = watchMonitor(client, { log, everyMs: 5, slackMs: 100, now }); // stalled after 2 × 1000 + 500 + 100 ms
    try {
      client.emit('serverHeartbeatStarted', { connectionId: 'db:27017' });
      t = 2500;
      client.emit('serverHeartbeatSucceeded', { connectionId: 'db:27017' });
      client.emit('serverHeartbeatStarted', { connectionId: 'db:27017' }); // the streaming protocol starts the next at once
      t = 5000; // this check: 2500 ms
      await tick();
      expect(calls).toEqual([]);
      t = 5101;
      await tick();
      expect(calls).toEqual(['close', 'connect']);
      expect(logged).toEqual(['database monitor stalled: restarting it']);
      await tick();
      expect(calls).toHaveLength(2); // once per stall
    } finally {
      w.stop();
    }
  });

  it('says so when the driver no longer has the monitor where the watchdog looks, once per wait', async () => {
    const client = fakeClient(null);
    const w = watchMonitor(client, { log, everyMs: 5, slackMs: 100, now });
    try {
      client.emit('serverHeartbeatStarted', { connectionId: 'db:27017' });
      t = 3000;
      await tick();
      await tick();
      expect(logged).toEqual(['database monitor stalled and cannot be restarted (the driver changed): restart the bff']);
    } finally {
      w.stop();
    }
  });

  it('stops watching when stopped and forgets a server that closed', async () => {
    const calls: string[] = [];
    const client = fakeClient({ close: () => void calls.push('close'), connect: () => void calls.push('connect') });
    const w = watchMonitor(client, { log, everyMs: 5, slackMs: 100, now });
    client.emit('serverHeartbeatStarted', { connectionId: 'db:27017' });
    client.emit('serverClosed', { address: 'db:27017' });
    t = 5000;
    await tick();
    expect(calls).toEqual([]);
    w.stop();
    expect(client.listenerCount('serverHeartbeatStarted')).toBe(0);
  });
});
