import { postJson } from '../../infra/http-test';
import { startCore, type CoreHarness } from '../testing';

describe('GET /core/v1/calendar', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  const days = async (q: string) => {
    const res = await core.call('GET', `/core/v1/calendar?${q}`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.days.map((d: { date: string }) => [d.date, d]));
  };

  it('marks the 2026 Spring Festival and its make-up Saturdays from the official dataset', async () => {
    const d = await days('from=2026-02-13&to=2026-03-01');
    expect(d['2026-02-13']).toEqual({ date: '2026-02-13', kind: 'workday', closed: false });
    expect(d['2026-02-14']).toEqual({ date: '2026-02-14', kind: 'adjusted-workday', holidayName: '春节', closed: false });
    expect(d['2026-02-16']).toEqual({ date: '2026-02-16', kind: 'holiday', holidayName: '春节', closed: false });
    expect(d['2026-02-23'].kind).toBe('holiday');
    expect(d['2026-02-24'].kind).toBe('workday');
    expect(d['2026-02-28'].kind).toBe('adjusted-workday');
    expect(d['2026-03-01'].kind).toBe('weekend');
  });

  it('marks National Day, Sun 20 Sep and Sat 10 Oct, and the New Year', async () => {
    const d = await days('from=2026-09-19&to=2026-10-11');
    expect(d['2026-09-20'].kind).toBe('adjusted-workday');
    expect(d['2026-09-25'].holidayName).toBe('中秋');
    expect(d['2026-10-01']).toMatchObject({ kind: 'holiday', holidayName: '国庆节' });
    expect(d['2026-10-10'].kind).toBe('adjusted-workday');
    expect(d['2026-10-11'].kind).toBe('weekend');
    const ny = await days('from=2025-12-31&to=2026-01-05');
    expect(['2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((x) => ny[x].kind)).toEqual([
      'workday',
      'holiday',
      'holiday',
      'holiday',
      'adjusted-workday',
    ]);
  });

  it('answers the maps for working-day arithmetic and the seeded closure of one county hall', async () => {
    const res = await core.call('GET', '/core/v1/calendar?from=2026-03-01&to=2026-03-10&hallId=sishui');
    expect(res.body.closures).toEqual({ '2026-03-06': '设备检修，暂停对外服务一天' });
    expect(res.body.days.find((x: { date: string }) => x.date === '2026-03-06')).toEqual({
      date: '2026-03-06',
      kind: 'workday',
      closed: true,
      closedReason: '设备检修，暂停对外服务一天',
    });
    const other = await core.call('GET', '/core/v1/calendar?from=2026-03-01&to=2026-03-10&hallId=qufu');
    expect(other.body.closures).toEqual({});
    const feb = await core.call('GET', '/core/v1/calendar?from=2026-02-01&to=2026-02-28');
    expect(Object.keys(feb.body.holidays)).toHaveLength(9);
    expect(feb.body.workdays).toEqual({ '2026-02-14': '春节', '2026-02-28': '春节' });
  });

  it('applies admin overrides: a hall closure and a city-wide holiday for a year not yet published', async () => {
    expect((await postJson(`${core.url}/__mock/calendar/overrides`, { hallId: 'qufu', date: '2026-03-04', closed: true, reason: '停电检修' })).status).toBe(
      201,
    );
    expect((await postJson(`${core.url}/__mock/calendar/overrides`, { date: '2027-01-01', kind: 'holiday', reason: '元旦' })).status).toBe(201);
    expect((await days('from=2026-03-04&to=2026-03-04&hallId=qufu'))['2026-03-04']).toMatchObject({ closed: true, closedReason: '停电检修' });
    expect((await days('from=2026-03-04&to=2026-03-04&hallId=yutai'))['2026-03-04'].closed).toBe(false);
    expect((await days('from=2027-01-01&to=2027-01-01'))['2027-01-01']).toMatchObject({ kind: 'holiday', holidayName: '元旦' });
    expect((await postJson(`${core.url}/__mock/calendar/overrides`, { hallId: 'nowhere', date: '2026-03-04', closed: true, reason: 'x' })).status).toBe(404);
  });

  it.each([
    ['a range over 62 days', 'from=2026-01-01&to=2026-03-04'],
    ['an impossible date', 'from=2026-02-30&to=2026-03-04'],
    ['a range that ends before it starts', 'from=2026-03-04&to=2026-03-01'],
  ])('answers 400 BAD_REQUEST for %s', async (_label, q) => {
    const res = await core.call('GET', `/core/v1/calendar?${q}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('accepts exactly 62 days and answers 404 for an unknown hall', async () => {
    expect((await core.call('GET', '/core/v1/calendar?from=2026-01-01&to=2026-03-03')).body.days).toHaveLength(62);
    expect((await core.call('GET', '/core/v1/calendar?from=2026-01-01&to=2026-01-02&hallId=x')).body.code).toBe('HALL_NOT_FOUND');
  });
});
