import { addWorkingDays, DAY_KIND_LABEL, dayKind, isWorkingDay, workingDaysBetween, workingDaysElapsed } from './calendar';
import { atShanghai } from './date';
import { CAL_2026 } from './fixtures.test-data';

describe('dayKind on the 2026 calendar', () => {
  it.each([
    ['2026-02-13', 'workday'],
    ['2026-02-14', 'adjusted-workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'adjusted-workday'],
    ['2026-03-01', 'weekend'],
    ['2026-09-20', 'adjusted-workday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-10', 'adjusted-workday'],
    ['2026-10-11', 'weekend'],
    ['2026-01-04', 'adjusted-workday'],
  ] as const)('%s is a %s', (date, kind) => {
    expect(dayKind(date, CAL_2026)).toBe(kind);
  });

  it('labels every kind in Chinese', () => {
    expect(DAY_KIND_LABEL[dayKind('2026-02-14', CAL_2026)]).toBe('调休上班');
    expect(DAY_KIND_LABEL.holiday).toBe('节假日');
  });

  it('keeps counting working days on a day the hall is closed', () => {
    expect(isWorkingDay('2026-03-06', { ...CAL_2026, closures: { '2026-03-06': '设备检修' } })).toBe(true);
  });
});

describe('addWorkingDays (the start day is not counted)', () => {
  it('counts Sat 14 Feb and skips the Spring Festival', () => {
    expect(addWorkingDays('2026-02-13', 0, CAL_2026)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 1, CAL_2026)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, CAL_2026)).toBe('2026-02-24');
    // 24, 25, 26, 27 Feb and Sat 28 Feb (调休) are 1–5.
    expect(addWorkingDays('2026-02-14', 5, CAL_2026)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-14', 6, CAL_2026)).toBe('2026-03-02');
  });

  it('crosses the New Year: 1–3 Jan off, Sun 4 Jan on', () => {
    expect(addWorkingDays('2025-12-31', 1, CAL_2026)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-31', 2, CAL_2026)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-30', 1, CAL_2026)).toBe('2025-12-31');
  });

  it('spans 中秋 and 国庆: Sun 20 Sep and Sat 10 Oct count, 25–27 Sep and 1–7 Oct do not', () => {
    expect(addWorkingDays('2026-09-18', 1, CAL_2026)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 5, CAL_2026)).toBe('2026-09-24');
    // 28, 29, 30 Sep are 6–8; Thu 8 Oct is the 9th, Fri 9 the 10th, Sat 10 Oct (调休) the 11th.
    expect(addWorkingDays('2026-09-18', 9, CAL_2026)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-18', 11, CAL_2026)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 1, CAL_2026)).toBe('2026-10-08');
  });

  it('moves the deadline by the paused working days', () => {
    // 补正 from Tue 24 Feb to Fri 27 Feb: 24, 25, 26 do not count.
    expect(addWorkingDays('2026-02-13', 2, CAL_2026, [['2026-02-24', '2026-02-27']])).toBe('2026-02-27');
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => addWorkingDays('2026-02-13', -1, CAL_2026)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-13', 1.5, CAL_2026)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and workingDaysElapsed', () => {
  it('is the inverse of addWorkingDays', () => {
    for (const [start, n] of [
      ['2026-02-13', 2],
      ['2025-12-31', 3],
      ['2026-09-18', 9],
      ['2026-02-10', 10],
    ] as const) {
      expect(workingDaysBetween(start, addWorkingDays(start, n, CAL_2026), CAL_2026)).toBe(n);
    }
    expect(workingDaysBetween('2026-02-24', '2026-02-13', CAL_2026)).toBe(-2);
  });

  it('counts the whole Spring Festival as zero', () => {
    expect(workingDaysBetween('2026-02-14', '2026-02-23', CAL_2026)).toBe(0);
  });

  it('counts today in full and stops the clock during a pause', () => {
    const accepted = atShanghai('2026-02-12', '10:00');
    expect(workingDaysElapsed(accepted, atShanghai('2026-02-12', '18:00'), CAL_2026)).toBe(0);
    expect(workingDaysElapsed(accepted, atShanghai('2026-02-24', '08:00'), CAL_2026)).toBe(3);
    expect(workingDaysElapsed('2026-02-12', atShanghai('2026-02-27', '08:00'), CAL_2026, [['2026-02-24', '2026-02-26']])).toBe(4);
    // The instant 2026-02-13T16:30Z is Sat 14 Feb 00:30 in Shanghai.
    expect(workingDaysElapsed('2026-02-13', new Date('2026-02-13T16:30:00Z'), CAL_2026)).toBe(1);
  });
});
