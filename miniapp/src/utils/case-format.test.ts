import { correctionDeadlineText, countdownText, limitsText, mailingHeadline, needsYouFirst, stepsAhead } from './case-format';

const limit = (dueDate: string, remainingDays: number, overdueDays = 0) => ({ limitDays: 3, dueDate, remainingDays, overdueDays });

describe('countdownText', () => {
  it('says how many working days are left and the due day', () => {
    expect(
      countdownText({ state: 'running', usedDays: 1, pausedDays: 0, paused: false, promised: limit('2026-02-24', 2), statutory: limit('2026-03-16', 19) }),
    ).toEqual({
      text: '承诺时限还剩2个工作日（2月24日前办结）',
      tone: 'ok',
    });
  });
  it('explains a stopped clock and an overdue case', () => {
    expect(
      countdownText({ state: 'paused', usedDays: 1, pausedDays: 2, paused: true, promised: limit('2026-02-26', 2), statutory: limit('2026-03-20', 19) }).text,
    ).toContain('暂停计时中');
    expect(
      countdownText({ state: 'overdue', usedDays: 5, pausedDays: 0, paused: false, promised: limit('2026-02-26', 0, 2), statutory: limit('2026-03-20', 15) }),
    ).toEqual({
      text: '已超承诺时限2个工作日；法定时限3月20日到期',
      tone: 'danger',
    });
    expect(countdownText(null).text).toContain('尚未受理');
  });
  it('writes the limits as the 受理单 does', () => {
    expect(limitsText({ promisedDays: 3, statutoryDays: 20, countdown: null })).toBe('承诺3个工作日，法定20个工作日（节假日不计，补正和特别程序期间暂停计时）');
  });
});

describe('a refused case, 补正 and what comes next', () => {
  const done = {
    state: 'finished' as const,
    usedDays: 2,
    pausedDays: 0,
    paused: false,
    onTime: true,
    promised: limit('2026-02-26', 0),
    statutory: limit('2026-03-20', 10),
  };
  it('does not call a refusal a green 已办结', () => {
    expect(countdownText(done).tone).toBe('ok');
    expect(countdownText(done, true)).toEqual({ text: '已作出不予许可决定，用时2个工作日', tone: 'muted' });
  });
  it('says the 补正 deadline in working days, or what the clock does once handed in', () => {
    const base = { deadline: '2026-03-16', workingDays: 10, workingDaysLeft: 4, overdue: false };
    expect(correctionDeadlineText({ ...base, state: 'requested' })).toBe(
      '请在3月16日前补交（还剩4个工作日；自通知之日起10个工作日内，节假日不计）。补正期间暂停计时。',
    );
    expect(correctionDeadlineText({ ...base, state: 'submitted' })).toContain('等待窗口审核');
    expect(correctionDeadlineText({ ...base, state: 'requested', overdue: true })).toContain('补正期限已过');
  });
  it('lists the steps still to come, puts the cases that need the citizen first, and follows the mailing', () => {
    expect(stepsAhead({ status: 'accepted', mailing: null })).toEqual(['审查', '作出决定', '办结，出具结果']);
    expect(stepsAhead({ status: 'delivered', mailing: null })).toEqual([]);
    const list = [
      { caseNo: 'a' },
      { caseNo: 'b', correction: { state: 'requested' as const, stateLabel: '待补正', deadline: '2026-03-16', workingDaysLeft: 4, overdue: false } },
    ];
    expect(needsYouFirst(list).map((c) => c.caseNo)).toEqual(['b', 'a']);
    expect(mailingHeadline('requested', 'reviewing')).toBe('已申请免费邮寄，结果出具后寄出');
    expect(mailingHeadline('requested', 'issued')).toBe('结果已出具，正在交邮政EMS寄出');
    expect(mailingHeadline('mailed', 'mailed', 'EA123456789CN')).toBe('结果已寄出，EMS EA123456789CN');
  });
});
