import type { Appointment, Hall, Slot } from '@jsb/shared';
import {
  checkInText,
  dateLabel,
  dayChip,
  dayCountText,
  themeProgress,
  dayNote,
  formatFee,
  formatLimits,
  fullDateLabel,
  groupSlotsByKind,
  materialForm,
  orderHalls,
  slotStateText,
  timeRange,
  todayInShanghai,
  weekDates,
  BOOKING_STATUS_LABEL,
  zoneServices,
} from './booking-format';

const slot = (start: string, kind: Slot['kind'], extra: Partial<Slot> = {}): Slot => ({
  id: `city.shangshi.2026-02-16.${start.replace(':', '')}`,
  date: '2026-02-16',
  start,
  end: start.replace(/:(\d\d)$/, (_, m: string) => (m === '00' ? ':30' : ':00')),
  kind,
  capacity: 6,
  remaining: 3,
  bookable: true,
  ...extra,
});

describe('dates and times', () => {
  it('labels a day with month, day and weekday', () => {
    expect(dateLabel('2026-02-16')).toBe('2月16日 周一');
    expect(dateLabel('2026-02-14')).toBe('2月14日 周六');
    expect(fullDateLabel('2026-10-10')).toBe('2026年10月10日 周六');
  });

  it('writes a time range with an en dash', () => {
    expect(timeRange('09:30', '10:00')).toBe('09:30–10:00');
  });

  it('lists the 8 days of the week view across a month end', () => {
    expect(weekDates('2026-02-26')).toEqual(['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
  });

  it('takes today in Shanghai, not in the phone time zone', () => {
    expect(todayInShanghai(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
  });

  it('says when to check in, in Shanghai time', () => {
    expect(checkInText('2026-02-16T00:30:00.000Z', '2026-02-16T01:45:00.000Z')).toBe('请在 08:30–09:45 之间到大厅签到');
    expect(checkInText('', 'x')).toBe('请按预约时间到大厅签到');
  });
});

describe('item facts', () => {
  it('formats fees in fen', () => {
    expect(formatFee(8000)).toBe('80.00元');
    expect(formatFee(1050)).toBe('10.50元');
    expect(formatFee(0)).toBe('免费');
  });

  it('states the statutory and promised limits', () => {
    expect(formatLimits(20, 5)).toBe('法定20个工作日 · 承诺5个工作日');
    expect(formatLimits(0, 0)).toBe('当场办结');
    expect(formatLimits(10, 0)).toBe('法定10个工作日 · 当场办结');
  });

  it('says the form and count of a material', () => {
    expect(materialForm({ form: '原件', count: 1 })).toBe('原件 1份');
    expect(materialForm({ form: '复印件', count: 2 })).toBe('复印件 2份');
  });
});

describe('week view', () => {
  const base = {
    date: '2026-02-16',
    kind: 'workday' as const,
    closed: false,
    slots: [slot('09:00', 'regular'), slot('09:30', 'regular', { bookable: false, reason: 'FULL', remaining: 0 })],
  };

  it('labels each day with its kind', () => {
    expect(dayChip(base)).toMatchObject({ title: '2月16日', weekday: '周一', kindLabel: '工作日', bookable: 1 });
    expect(dayChip({ ...base, date: '2026-02-14', kind: 'adjusted-workday', holidayName: '春节' }).kindLabel).toBe('调休上班');
    expect(dayChip({ ...base, date: '2026-02-21', kind: 'weekend' }).kindLabel).toBe('周末');
    expect(dayChip({ ...base, kind: 'holiday', holidayName: '春节' }).kindLabel).toBe('节假日·春节');
    expect(dayChip({ ...base, closed: true, slots: [] })).toMatchObject({ kindLabel: '闭厅', closed: true, bookable: 0 });
    expect(dayChip(base, '2026-02-16').weekday).toBe('今天');
  });

  it('explains the chosen day', () => {
    expect(dayNote({ kind: 'workday', closed: true, closedReason: '设备检修' })).toBe('大厅闭厅：设备检修，请选其他日期。');
    expect(dayNote({ kind: 'adjusted-workday', holidayName: '春节', closed: false })).toContain('春节调休');
    expect(dayNote({ kind: 'holiday', holidayName: '国庆节', closed: false })).toContain('国庆节');
  });

  it('groups slots by kind in a fixed order, sorted by time, without empty groups', () => {
    const groups = groupSlotsByKind([slot('17:00', 'after-hours'), slot('13:30', 'regular'), slot('09:00', 'regular'), slot('12:00', 'after-hours')]);
    expect(groups.map((g) => g.label)).toEqual(['正常时段', '错时延时']);
    expect(groups[0]?.slots.map((s) => s.start)).toEqual(['09:00', '13:30']);
    expect(groups[1]?.slots.map((s) => s.start)).toEqual(['12:00', '17:00']);
    expect(groupSlotsByKind([slot('09:00', 'weekend')])[0]?.label).toBe('周末/节假日预约');
    expect(groupSlotsByKind([])).toEqual([]);
  });

  it('shows remaining seats or why a slot cannot be booked', () => {
    expect(slotStateText({ bookable: true, remaining: 3 })).toBe('余3');
    expect(slotStateText({ bookable: false, remaining: 0, reason: 'FULL' })).toBe('约满');
    expect(slotStateText({ bookable: false, remaining: 2, reason: 'TOO_SOON' })).toBe('不足2小时');
    expect(slotStateText({ bookable: false, remaining: 2, reason: 'PAST' })).toBe('已过');
    expect(slotStateText({ bookable: false, remaining: 0 })).toBe('约满');
  });
});

describe('halls and statuses', () => {
  const hall = (id: string, county: string): Hall => ({
    id,
    name: `${county}为民服务中心`,
    shortName: county,
    county,
    address: '',
    phone: '',
    hours: '',
    zones: [],
  });

  it('puts the city hall first', () => {
    expect(orderHalls([hall('rencheng', '任城区'), hall('city', '济宁市'), hall('qufu', '曲阜市')]).map((h) => h.id)).toEqual(['city', 'rencheng', 'qufu']);
  });

  it('names what a zone offers beyond regular hours', () => {
    expect(zoneServices({ afterHoursService: true, weekendService: true })).toBe('错时延时 · 周末预约');
    expect(zoneServices({ afterHoursService: false, weekendService: false })).toBe('');
  });

  it('labels every booking status', () => {
    expect(BOOKING_STATUS_LABEL).toEqual({ booked: '待办理', cancelled: '已取消', 'checked-in': '已签到', 'no-show': '未到', completed: '已完成' });
  });
});

describe('dayCountText', () => {
  const s = (o: Partial<Slot>) => slot('09:00', 'regular', o);
  it('counts time slots, and says why a day has none', () => {
    expect(dayCountText({ closed: false, slots: [s({}), s({})] }, false)).toBe('2个时段可约');
    expect(dayCountText({ closed: false, slots: [s({ bookable: false, reason: 'PAST' }), s({ bookable: false, reason: 'TOO_SOON' })] }, true)).toBe(
      '今日已结束',
    );
    expect(dayCountText({ closed: false, slots: [s({ bookable: false, reason: 'FULL', remaining: 0 })] }, false)).toBe('已约满');
    expect(dayCountText({ closed: false, slots: [s({ bookable: false, reason: 'TOO_FAR' })] }, false)).toBe('尚未开放');
    expect(dayCountText({ closed: false, slots: [] }, false)).toBe('不开放预约');
    expect(dayCountText({ closed: true, slots: [] }, false)).toBe('不开放');
  });
});

describe('themeProgress', () => {
  const appt = (itemId: string, date: string, status = 'booked') =>
    ({ id: `A-${itemId}-${date}`, itemId, date, start: '09:00', end: '09:30', status, checkInUntil: `${date}T01:45:00.000Z` }) as unknown as Appointment;
  const steps = [
    { id: 'SS01', name: '个体工商户设立登记' },
    { id: 'SS05', name: '食品经营许可证核发' },
    { id: 'SH02', name: '公共场所卫生许可' },
  ];
  it('counts the steps booked ahead, and names the first still to book', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    const p = themeProgress(steps, [appt('SS01', '2026-03-03'), appt('SH02', '2026-02-20'), appt('SS05', '2026-03-04', 'cancelled')], now);
    expect(p.booked).toBe(1);
    expect(p.byItem.get('SS01')?.date).toBe('2026-03-03');
    expect(p.next?.name).toBe('食品经营许可证核发');
  });
});
