import { book, pid, remaining, setCapacity } from '../booking/booking.test-support';
import { startCore, type CoreHarness } from '../testing';

describe('POST /core/v1/bookings under a burst', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('books exactly 20 of 500 concurrent attempts at a 20-seat slot; the other 480 get SLOT_FULL', async () => {
    const slot = 'city.budongchan.2026-03-04.1000';
    await setCapacity(core, slot, 20);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => book(core, pid(1000 + i), 'BD01', slot)));
    const statuses = results.map((r) => (r.status === 201 ? 'booked' : r.body.code));
    expect(statuses.filter((s) => s === 'booked')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'SLOT_FULL')).toHaveLength(480);
    expect(await remaining(core, slot)).toBe(0);
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(20);
  }, 30_000);
});
