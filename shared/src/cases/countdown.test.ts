import { CAL_2026 } from '../calendar/fixtures.test-data';
import { atShanghai } from '../calendar/date';
import { caseCountdown, pausesAsDays } from './countdown';
import { checkRatingTags, tagsFor } from './rules';

// A 3-working-day promise (法定20) accepted Thu 12 Feb 2026, just before 春节 (15–23 Feb), with the
// Saturday 14 Feb a make-up workday (调休上班).
const base = { acceptedAt: atShanghai('2026-02-12', '10:00').toISOString(), promisedDays: 3, statutoryDays: 20, pauses: [] };
const at = (date: string, time = '10:00') => atShanghai(date, time);

describe('caseCountdown', () => {
  it('counts the 调休 Saturday and skips the Spring Festival: due Tue 24 Feb', () => {
    expect(caseCountdown(base, at('2026-02-13'), CAL_2026)).toMatchObject({
      state: 'running',
      usedDays: 1,
      promised: { dueDate: '2026-02-24', remainingDays: 2 },
    });
    expect(caseCountdown(base, at('2026-02-14'), CAL_2026)).toMatchObject({ usedDays: 2, promised: { remainingDays: 1 } });
    // the whole holiday costs nothing
    expect(caseCountdown(base, at('2026-02-20'), CAL_2026)).toMatchObject({ state: 'running', usedDays: 2, promised: { remainingDays: 1 } });
    expect(caseCountdown(base, at('2026-02-24'), CAL_2026)).toMatchObject({ state: 'due-today', usedDays: 3, promised: { remainingDays: 0, overdueDays: 0 } });
    expect(caseCountdown(base, at('2026-02-25'), CAL_2026)).toMatchObject({ state: 'overdue', usedDays: 4, promised: { remainingDays: 0, overdueDays: 1 } });
  });

  it('a 补正 pause from Fri 13 Feb to Wed 25 Feb stops the clock on the 调休 Saturday and on 24 Feb', () => {
    const paused = { ...base, pauses: [{ from: at('2026-02-13', '11:00').toISOString() }] };
    // still paused during the holiday: one day used, two left, flagged paused
    expect(caseCountdown(paused, at('2026-02-20'), CAL_2026)).toMatchObject({ state: 'paused', paused: true, usedDays: 1, promised: { remainingDays: 2 } });
    // paused over 24 Feb (a working day) too
    expect(caseCountdown(paused, at('2026-02-24'), CAL_2026)).toMatchObject({ state: 'paused', usedDays: 1, pausedDays: 2 });
    const resumed = { ...base, pauses: [{ from: at('2026-02-13', '11:00').toISOString(), to: at('2026-02-25', '09:00').toISOString() }] };
    expect(pausesAsDays(resumed.pauses, at('2026-02-25'))).toEqual([['2026-02-14', '2026-02-25']]);
    expect(caseCountdown(resumed, at('2026-02-25'), CAL_2026)).toMatchObject({
      state: 'running',
      paused: false,
      usedDays: 2,
      pausedDays: 2,
      promised: { dueDate: '2026-02-26', remainingDays: 1 },
    });
    expect(caseCountdown(resumed, at('2026-02-26'), CAL_2026)).toMatchObject({ state: 'due-today', promised: { remainingDays: 0 } });
    // Sat 28 Feb is the second 调休 workday: it counts as an overdue day
    expect(caseCountdown(resumed, at('2026-02-28'), CAL_2026)).toMatchObject({ state: 'overdue', usedDays: 5, promised: { overdueDays: 2 } });
    // 20 working days: 13, 25–28 Feb (28th 调休), then four full weeks of March
    expect(caseCountdown(resumed, at('2026-02-28'), CAL_2026)?.statutory.dueDate).toBe('2026-03-20');
  });

  it('stops at 办结 and says whether the promise was kept', () => {
    const closed = { ...base, closedAt: at('2026-02-24', '16:00').toISOString() };
    expect(caseCountdown(closed, at('2026-03-20'), CAL_2026)).toMatchObject({ state: 'finished', usedDays: 3, onTime: true });
  });

  it('has no countdown before 受理', () => {
    expect(caseCountdown({ ...base, acceptedAt: undefined }, at('2026-02-13'), CAL_2026)).toBeNull();
  });
});

describe('rating tags per level', () => {
  it('offers praise for 满意, improvements for 基本满意 and problems for 差评, per channel', () => {
    expect(tagsFor('满意', 'onsite')).toEqual(['服务效率高', '服务水平高', '服务态度好']);
    expect(tagsFor('基本满意', 'online')).toContain('办事指南不够清楚');
    expect(tagsFor('非常不满意', 'onsite')).toEqual(['服务效率低', '业务不熟练', '服务态度差']);
  });
  it('refuses a tag of another level, and a 差评 without a reason', () => {
    expect(checkRatingTags('满意', 'onsite', ['服务态度差'])).toEqual({ kind: 'not-for-level', tags: ['服务态度差'] });
    expect(checkRatingTags('不满意', 'online', [])).toEqual({ kind: 'tag-required' });
    expect(checkRatingTags('非常满意', 'online', [])).toBeNull();
  });
});
