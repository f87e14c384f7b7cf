import { nearestSlots, refusalView } from './booking-refusal';

const err = (code: string, details?: Record<string, unknown>) => ({ code, message: `m-${code}`, hint: `h-${code}`, details });

describe('refusals of booking actions', () => {
  it('keeps the message and hint and offers the nearest free slots for SLOT_FULL', () => {
    const v = refusalView(
      err('SLOT_FULL', {
        nearest: [
          { slotId: 'city.shangshi.2026-02-16.1000', date: '2026-02-16', start: '10:00', end: '10:30', kind: 'regular', remaining: 2 },
          { slotId: 'bad' },
          { slotId: 'city.shangshi.2026-02-16.1200', date: '2026-02-16', start: '12:00', end: '12:30', kind: 'after-hours', remaining: 1 },
        ],
      }),
    );
    expect(v).toMatchObject({ message: 'm-SLOT_FULL', hint: 'h-SLOT_FULL', action: 'reselect' });
    expect(v.nearest.map((n) => n.start)).toEqual(['10:00', '12:00']);
  });

  it('tolerates missing or malformed details', () => {
    expect(nearestSlots(undefined)).toEqual([]);
    expect(nearestSlots({ nearest: 'x' })).toEqual([]);
    expect(refusalView(err('SLOT_FULL')).nearest).toEqual([]);
    expect(refusalView(err('OUTSIDE_BOOKING_WINDOW', { earliest: 42 })).facts).toEqual([]);
  });

  it('spells out the booking window', () => {
    const v = refusalView(err('OUTSIDE_BOOKING_WINDOW', { reason: 'TOO_SOON', earliest: '2026-02-16T03:00:00.000Z', latest: '2026-02-23' }));
    expect(v.facts).toEqual(['距开始已不足2小时。', '现在可预约 2月16日 11:00 至 2月23日 周一 的时段。']);
  });

  it('gives the cancel deadline and the end of a suspension', () => {
    expect(refusalView(err('CANCEL_TOO_LATE', { deadline: '2026-02-16T01:00:00.000Z' })).facts).toEqual(['网上取消和改约的截止时间是 2月16日 09:00。']);
    const s = refusalView(err('BOOKING_SUSPENDED', { until: '2026-05-16' }));
    expect(s.facts).toEqual(['暂停到 2026年5月16日 周六（含当天），之后可恢复网上预约。']);
    expect(s.action).toBe('appointments');
  });

  it('does not repeat a date or reason the bff already put in its message or hint', () => {
    const suspended = {
      code: 'BOOKING_SUSPENDED',
      message: '网上预约已暂停至5月16日（周六）（含）。',
      hint: '暂停期间仍可到大厅现场取号办理。',
      details: { until: '2026-05-16' },
    };
    expect(refusalView(suspended).facts).toEqual([]);
    const soon = {
      code: 'OUTSIDE_BOOKING_WINDOW',
      message: 'm',
      hint: '请选择2月16日（周一）11:00以后的时段。',
      details: { reason: 'TOO_SOON', earliest: '2026-02-16T03:00:00.000Z' },
    };
    expect(refusalView(soon).facts).toEqual(['距开始已不足2小时。']);
    expect(refusalView({ code: 'HALL_CLOSED', message: '大厅这一天不提供预约服务（设备检修）。', hint: 'h', details: { reason: '设备检修' } }).facts).toEqual(
      [],
    );
  });

  it('names the next step for each code', () => {
    expect(refusalView(err('REAL_NAME_REQUIRED')).action).toBe('real-name');
    expect(refusalView(err('DAILY_LIMIT')).action).toBe('appointments');
    expect(refusalView(err('ACTIVE_LIMIT')).action).toBe('appointments');
    expect(refusalView(err('ITEM_NOT_AT_HALL')).action).toBe('change-hall');
    expect(refusalView(err('HALL_CLOSED', { reason: '设备检修' })).facts).toEqual(['闭厅原因：设备检修']);
    expect(refusalView(err('UPSTREAM_UNAVAILABLE')).action).toBe('retry');
    expect(refusalView(err('CANCEL_TOO_LATE')).action).toBeNull();
  });
});
