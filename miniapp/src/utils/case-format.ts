import { monthDayText } from '@jsb/shared';
import type { CaseDetail, CaseSummary, Correction, CorrectionFile } from '@jsb/shared';

type Countdown = NonNullable<CaseSummary['countdown']>;

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

/** The one line a citizen reads about time: how many working days are left, or why the clock stands still. */
export function countdownText(c: Countdown | null, refused = false): { text: string; tone: Tone } {
  if (!c) return { text: '尚未受理，受理后开始计算办理时限', tone: 'muted' };
  const p = c.promised;
  // a refusal is not a green "done on time"
  if (refused && c.state === 'finished') return { text: `已作出不予许可决定，用时${c.usedDays}个工作日`, tone: 'muted' };
  switch (c.state) {
    case 'finished':
      return {
        text: c.onTime ? `已办结，用时${c.usedDays}个工作日（承诺${p.limitDays}个）` : `已办结，用时${c.usedDays}个工作日，超出承诺时限`,
        tone: c.onTime ? 'ok' : 'warn',
      };
    case 'paused':
      return { text: `暂停计时中（补正或特别程序不计入时限），承诺时限还剩${p.remainingDays}个工作日`, tone: 'warn' };
    case 'due-today':
      return { text: `今天是承诺办结日（${monthDayText(p.dueDate)}）`, tone: 'warn' };
    case 'overdue':
      return { text: `已超承诺时限${p.overdueDays}个工作日；法定时限${monthDayText(c.statutory.dueDate)}到期`, tone: 'danger' };
    default:
      return { text: `承诺时限还剩${p.remainingDays}个工作日（${monthDayText(p.dueDate)}前办结）`, tone: 'ok' };
  }
}

/** The limits as the 受理单 states them. */
export function limitsText(c: Pick<CaseDetail, 'promisedDays' | 'statutoryDays' | 'countdown'>): string {
  const due = c.countdown ? `：承诺${monthDayText(c.countdown.promised.dueDate)}、法定${monthDayText(c.countdown.statutory.dueDate)}前` : '';
  return `承诺${c.promisedDays}个工作日，法定${c.statutoryDays}个工作日${due}（节假日不计，补正和特别程序期间暂停计时）`;
}

export const isBad = (level: string): boolean => level === '不满意' || level === '非常不满意';

/** 补正's deadline in working days, as the rule counts them; once handed in or accepted, what the clock does now. */
export function correctionDeadlineText(c: Pick<Correction, 'state' | 'deadline' | 'workingDays' | 'workingDaysLeft' | 'overdue'>): string {
  if (c.state === 'accepted') return '补正已通过，办理时限恢复计时。';
  if (c.state === 'submitted') return '已补交，等待窗口审核；审核期间暂停计时。';
  if (c.overdue) return `补正期限已过（${monthDayText(c.deadline)}）。请尽快联系下面的窗口，说明情况。`;
  return `请在${monthDayText(c.deadline)}前补交（还剩${c.workingDaysLeft}个工作日；自通知之日起${c.workingDays}个工作日内，节假日不计）。补正期间暂停计时。`;
}

/** One uploaded page of a 补正 material: '第1个 · 照片 · 238 KB · 已提交' */
export function fileLine(f: Pick<CorrectionFile, 'type' | 'bytes' | 'pages' | 'submitted'>, index: number): string {
  const kind = f.type === 'application/pdf' ? `PDF ${f.pages}页` : '照片';
  const size = f.bytes >= 1024 * 1024 ? `${(f.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(f.bytes / 1024))} KB`;
  return `第${index + 1}个 · ${kind} · ${size}${f.submitted ? ' · 已提交' : ' · 已上传'}`;
}

/** What the mailing says while the case moves: a result not yet issued is not "寄出后" anything yet. */
export function mailingHeadline(state: 'requested' | 'mailed' | 'delivered', caseStatus: string, emsNo?: string): string {
  if (state === 'delivered') return '结果已签收';
  if (state === 'mailed') return `结果已寄出${emsNo ? `，EMS ${emsNo}` : ''}`;
  return caseStatus === 'issued' ? '结果已出具，正在交邮政EMS寄出' : '已申请免费邮寄，结果出具后寄出';
}

const STEPS_AHEAD: Record<CaseDetail['status'], string[]> = {
  received: ['受理', '审查', '作出决定', '办结，出具结果'],
  accepted: ['审查', '作出决定', '办结，出具结果'],
  reviewing: ['作出决定', '办结，出具结果'],
  decided: ['办结，出具结果'],
  issued: [],
  mailed: ['签收'],
  delivered: [],
};

/** The steps a case has still to go through, so the citizen sees the whole way, not only what is behind. */
export function stepsAhead(c: Pick<CaseDetail, 'status' | 'mailing'>): string[] {
  const ahead = [...STEPS_AHEAD[c.status]];
  if (c.mailing && (c.status === 'issued' || ahead.length) && c.mailing.state === 'requested') ahead.push('免费邮寄，签收');
  return ahead;
}

/** Cases that need the citizen first (补正 to hand in or hand in again), then the rest in the bff's order. */
export function needsYouFirst<T extends Pick<CaseSummary, 'correction'>>(list: readonly T[]): T[] {
  const needs = (c: T) => c.correction?.state === 'requested' || c.correction?.state === 'rejected';
  return [...list.filter(needs), ...list.filter((c) => !needs(c))];
}
