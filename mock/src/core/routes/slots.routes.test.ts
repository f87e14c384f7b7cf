import { createMockClock } from '../../infra/clock';
import { postJson } from '../../infra/http-test';
import { startCore, type CoreHarness } from '../testing';

interface SlotBody {
  id: string;
  start: string;
  kind: string;
  capacity: number;
  remaining: number;
  bookable: boolean;
  reason?: string;
}

describe('GET /core/v1/slots', () => {
  let core: CoreHarness;
  // Thu 12 Feb 2026, 09:00 in Jining: the Spring Festival week is in the booking window.
  beforeEach(async () => {
    core = await startCore({ clock: createMockClock(new Date('2026-02-12T01:00:00Z'), { frozen: true }) });
  });
  afterEach(() => core.close());

  const day = async (q: string, date: string) => {
    const res = await core.call('GET', `/core/v1/slots?${q}&from=${date}&to=${date}`);
    expect(res.status).toBe(200);
    return res.body.days[0] as { kind: string; holidayName?: string; slots: SlotBody[] };
  };

  it('serves full workday slots on Sat 14 Feb (调休上班), with after-hours and zone capacity', async () => {
    const d = await day('hallId=city&zoneId=shangshi', '2026-02-14');
    expect(d.kind).toBe('adjusted-workday');
    expect(d.slots[0]).toEqual({
      id: 'city.shangshi.2026-02-14.0900',
      date: '2026-02-14',
      start: '09:00',
      end: '09:30',
      kind: 'regular',
      capacity: 10,
      remaining: 10,
      bookable: true,
    });
    expect(d.slots.filter((s) => s.kind === 'regular')).toHaveLength(13);
    expect(d.slots.filter((s) => s.kind === 'after-hours').map((s) => s.capacity)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(d.slots.at(-1)).toMatchObject({ start: '18:30', kind: 'after-hours' });
    expect(d.slots.some((s) => s.kind === 'weekend')).toBe(false);
  });

  it('offers only weekend-kind mornings on Mon 16 Feb (春节) where the zone offers them', async () => {
    const open = await day('hallId=city&zoneId=gongan', '2026-02-16');
    expect(open).toMatchObject({ kind: 'holiday', holidayName: '春节' });
    expect(open.slots.map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(open.slots.every((s) => s.kind === 'weekend' && s.capacity === 4)).toBe(true);
    expect((await day('hallId=city&zoneId=jingmao', '2026-02-16')).slots).toEqual([]);
  });

  it('follows the item: no weekend slots for an item without weekend booking, and the item picks the zone', async () => {
    const res = await core.call('GET', '/core/v1/slots?hallId=city&itemId=SS05&from=2026-02-16&to=2026-02-16');
    expect(res.body).toMatchObject({ hallId: 'city', zoneId: 'shangshi' });
    expect(res.body.days[0].slots).toHaveLength(6);
    expect((await day('hallId=city&itemId=SS07', '2026-02-16')).slots).toEqual([]);
    const wrong = await core.call('GET', '/core/v1/slots?hallId=weishan&itemId=ZJ01&from=2026-02-16&to=2026-02-16');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'ITEM_NOT_AT_HALL', hallIds: ['city'] });
  });

  it('serves Sat 10 Oct 2026 as a workday', async () => {
    core.clock.set(new Date('2026-10-08T01:00:00Z'));
    const d = await day('hallId=rencheng&zoneId=shangshi', '2026-10-10');
    expect(d.kind).toBe('adjusted-workday');
    expect(d.slots.filter((s) => s.kind === 'regular')).toHaveLength(13);
    expect(d.slots[0]?.capacity).toBe(6);
  });

  it('says why a slot cannot be booked: past, too soon, too far, full', async () => {
    await postJson(`${core.url}/__mock/slots/capacity`, { slotId: 'city.shangshi.2026-02-13.0900', capacity: 0 });
    const res = await core.call('GET', '/core/v1/slots?hallId=city&zoneId=shangshi&from=2026-02-12&to=2026-02-24');
    const days = res.body.days as { date: string; slots: SlotBody[] }[];
    const at = (date: string, start: string) => days.find((d) => d.date === date)?.slots.find((s) => s.start === start);
    expect(at('2026-02-12', '09:00')).toMatchObject({ bookable: false, reason: 'PAST' });
    expect(at('2026-02-12', '10:30')).toMatchObject({ bookable: false, reason: 'TOO_SOON' });
    expect(at('2026-02-12', '11:00')).toMatchObject({ bookable: true });
    expect(at('2026-02-13', '09:00')).toMatchObject({ bookable: false, reason: 'FULL', capacity: 0, remaining: 0 });
    expect(at('2026-02-19', '09:00')).toMatchObject({ kind: 'weekend', bookable: true });
    expect(at('2026-02-24', '09:00')).toMatchObject({ bookable: false, reason: 'TOO_FAR' });
  });

  it('has no slots on a closed day', async () => {
    core.clock.set(new Date('2026-03-02T01:00:00Z'));
    const d = await core.call('GET', '/core/v1/slots?hallId=sishui&zoneId=shangshi&from=2026-03-06&to=2026-03-06');
    expect(d.body.days[0]).toMatchObject({ closed: true, closedReason: '设备检修，暂停对外服务一天', slots: [] });
  });

  it.each([
    ['an unknown zone', 'hallId=city&zoneId=nope&from=2026-02-12&to=2026-02-12', 404, 'ZONE_NOT_FOUND'],
    ['an unknown hall', 'hallId=nope&zoneId=shangshi&from=2026-02-12&to=2026-02-12', 404, 'HALL_NOT_FOUND'],
    ['neither zone nor item', 'hallId=city&from=2026-02-12&to=2026-02-12', 400, 'BAD_REQUEST'],
    ['a range over 31 days', 'hallId=city&zoneId=shangshi&from=2026-02-01&to=2026-03-10', 400, 'BAD_REQUEST'],
  ])('answers %s with its code', async (_label, q, status, code) => {
    const res = await core.call('GET', `/core/v1/slots?${q}`);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});
