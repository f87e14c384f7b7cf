import { dateRange } from './date';
import type { CalendarData } from './calendar';

const named = (dates: string[], name: string): Record<string, string> => Object.fromEntries(dates.map((d) => [d, name]));

/** The 2026 State Council notice as far as the tests need it (国办发明电〔2025〕). */
export const CAL_2026: CalendarData = {
  holidays: {
    ...named(dateRange('2026-01-01', '2026-01-03'), '元旦'),
    ...named(dateRange('2026-02-15', '2026-02-23'), '春节'),
    ...named(dateRange('2026-09-25', '2026-09-27'), '中秋节'),
    ...named(dateRange('2026-10-01', '2026-10-07'), '国庆节'),
  },
  workdays: {
    '2026-01-04': '元旦',
    '2026-02-14': '春节',
    '2026-02-28': '春节',
    '2026-09-20': '国庆节',
    '2026-10-10': '国庆节',
  },
};
