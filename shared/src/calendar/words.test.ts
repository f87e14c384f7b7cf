import { fullDateText, fullMomentText, momentText, monthDayText, weekdayText } from './words';

describe('date and time words, in Jining time whatever the host', () => {
  it('writes a day as the citizen reads it', () => {
    expect(monthDayText('2026-03-02')).toBe('3月2日');
    expect(fullDateText('2026-12-31')).toBe('2026年12月31日');
    expect(weekdayText('2026-02-16')).toBe('周一');
    expect(weekdayText('2026-02-15')).toBe('周日');
  });

  it('writes an instant in UTC+8, crossing midnight and the year', () => {
    expect(momentText('2026-02-13T03:05:00.000Z')).toBe('2月13日 11:05');
    expect(momentText(new Date('2026-03-05T16:30:00.000Z'))).toBe('3月6日 00:30');
    expect(fullMomentText('2026-03-01T16:30:00Z')).toBe('2026年3月2日 00:30');
    expect(fullMomentText('2026-12-31T16:00:00Z')).toBe('2027年1月1日 00:00');
  });
});
