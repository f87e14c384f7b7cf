import { addDays, atShanghai, dateRange, daysBetween, isIsoDate, shanghaiDate, shanghaiTime, weekday } from './date';

describe('Asia/Shanghai dates', () => {
  it('puts an instant after 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(shanghaiDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(shanghaiTime(new Date('2026-02-13T16:00:00Z'))).toBe('00:00');
    expect(shanghaiTime(new Date('2026-03-02T01:30:00Z'))).toBe('09:30');
  });

  it('turns a Shanghai wall-clock time into the right instant, across the New Year', () => {
    expect(atShanghai('2026-02-14', '09:00').toISOString()).toBe('2026-02-14T01:00:00.000Z');
    expect(atShanghai('2026-01-01', '07:59').toISOString()).toBe('2025-12-31T23:59:00.000Z');
    expect(shanghaiDate(atShanghai('2026-01-01', '00:00'))).toBe('2026-01-01');
  });

  it('adds days over month and year ends and names weekdays', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-09-20')).toBe(0);
    expect(weekday('2026-03-02')).toBe(1);
    expect(daysBetween('2026-02-14', '2026-02-24')).toBe(10);
    expect(dateRange('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(dateRange('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('accepts only real calendar days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => atShanghai('2026-02-14', '24:00')).toThrow(RangeError);
  });
});
