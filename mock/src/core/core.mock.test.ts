import { createMockClock } from '../infra/clock';
import { getJson, postJson, request } from '../infra/http-test';
import { startCore, type CoreHarness } from './testing';

const VERIFY = '/core/v1/identity/verify';
const ZHANG = { name: '张伟', idNumber: '370811198503152317' };

describe('core mock: faults under /__mock/faults', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('answers 503 SERVICE_UNAVAILABLE to every core call during an outage, and recovers when cleared', async () => {
    await postJson(`${core.url}/__mock/faults`, { outage: true });
    const res = await core.call('POST', VERIFY, ZHANG);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    // The admin path keeps working during an outage.
    expect((await getJson(`${core.url}/__mock/clock`)).status).toBe(200);

    await request(`${core.url}/__mock/faults`, { method: 'DELETE' });
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(200);
  });

  it('ends an outage at outageUntil (real time)', async () => {
    const until = new Date(Date.now() + 60_000).toISOString();
    const set = await postJson(`${core.url}/__mock/faults`, { outageUntil: until, errorStatus: 502 });
    expect(set.body).toMatchObject({ outage: true, outageActive: true, outageUntil: until, errorStatus: 502 });
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(502);

    await postJson(`${core.url}/__mock/faults`, { outageUntil: new Date(Date.now() - 1).toISOString() });
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(200);
  });

  it('fails exactly every nth call with errorEvery', async () => {
    await postJson(`${core.url}/__mock/faults`, { errorEvery: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await core.call('POST', VERIFY, ZHANG)).status);
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
  });

  it('fails every call with errorRate 1 and the chosen status', async () => {
    await postJson(`${core.url}/__mock/faults`, { errorRate: 1, errorStatus: 500 });
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(500);
  });

  it('delays answers by latencyMs', async () => {
    await postJson(`${core.url}/__mock/faults`, { latencyMs: 60 });
    const started = performance.now();
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('leaves paths outside pathPrefix alone', async () => {
    await postJson(`${core.url}/__mock/faults`, { outage: true, pathPrefix: '/core/v1/bookings' });
    expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(200);
  });

  it('refuses nonsense settings with 400 and a message', async () => {
    const res = await postJson(`${core.url}/__mock/faults`, { errorRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: expect.stringContaining('errorRate') });
    expect((await postJson(`${core.url}/__mock/faults`, '{oops')).status).toBe(400);
  });
});

describe('core mock: clock under /__mock/clock', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('sets, advances and freezes the clock', async () => {
    const set = await postJson(`${core.url}/__mock/clock`, { set: '2026-02-13T16:00:00.000Z', freeze: true });
    expect(set.body).toEqual({ now: '2026-02-13T16:00:00.000Z', frozen: true });
    const advanced = await postJson(`${core.url}/__mock/clock`, { advanceDays: 2, advanceMs: 1500 });
    expect(advanced.body).toEqual({ now: '2026-02-15T16:00:01.500Z', frozen: true });
    expect((await getJson(`${core.url}/__mock/clock`)).body).toEqual(advanced.body);
    expect(core.clock.now().toISOString()).toBe('2026-02-15T16:00:01.500Z');

    const running = await postJson(`${core.url}/__mock/clock`, { freeze: false });
    expect(running.body.frozen).toBe(false);
  });

  it('refuses a date it cannot read', async () => {
    const res = await postJson(`${core.url}/__mock/clock`, { set: 'next tuesday' });
    expect(res.status).toBe(400);
  });

  it('answers CORS preflights for a browser dev page', async () => {
    const res = await fetch(`${core.url}/__mock/clock`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await getJson(`${core.url}/__mock/clock`)).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('core mock without admin', () => {
  it('has no /__mock routes at all (404), like the real systems', async () => {
    const core = await startCore({ admin: false, clock: createMockClock() });
    try {
      for (const path of ['/__mock/clock', '/__mock/faults', '/__mock/persons']) {
        expect((await getJson(`${core.url}${path}`)).status).toBe(404);
      }
      expect((await postJson(`${core.url}/__mock/reset`, {})).status).toBe(404);
      expect((await core.call('POST', VERIFY, ZHANG)).status).toBe(200);
    } finally {
      await core.close();
    }
  });
});
