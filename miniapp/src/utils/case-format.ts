import type { CaseDetail, CaseSummary } from '@jsb/shared'

type Countdown = NonNullable<CaseSummary['countdown']>

/** 2026-02-24 → 2月24日 */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** An instant as Beijing time: 2月24日 14:05 */
export function instantText(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString()
  return `${shortDate(t.slice(0, 10))} ${t.slice(11, 16)}`
}

export type Tone = 'ok' | 'warn' | 'danger' | 'muted'

/** The one line a citizen reads about time: how many working days are left, or why the clock stands still. */
export function countdownText(c: Countdown | null): { text: string; tone: Tone } {
  if (!c) return { text: '尚未受理，受理后开始计算办理时限', tone: 'muted' }
  const p = c.promised
  switch (c.state) {
    case 'finished':
      return { text: c.onTime ? `已办结，用时${c.usedDays}个工作日（承诺${p.limitDays}个）` : `已办结，用时${c.usedDays}个工作日，超出承诺时限`, tone: c.onTime ? 'ok' : 'warn' }
    case 'paused':
      return { text: `暂停计时中（补正或特别程序不计入时限），承诺时限还剩${p.remainingDays}个工作日`, tone: 'warn' }
    case 'due-today':
      return { text: `今天是承诺办结日（${shortDate(p.dueDate)}）`, tone: 'warn' }
    case 'overdue':
      return { text: `已超承诺时限${p.overdueDays}个工作日；法定时限${shortDate(c.statutory.dueDate)}到期`, tone: 'danger' }
    default:
      return { text: `承诺时限还剩${p.remainingDays}个工作日（${shortDate(p.dueDate)}前办结）`, tone: 'ok' }
  }
}

/** The limits as the 受理单 states them. */
export function limitsText(c: Pick<CaseDetail, 'promisedDays' | 'statutoryDays' | 'countdown'>): string {
  const due = c.countdown ? `：承诺${shortDate(c.countdown.promised.dueDate)}、法定${shortDate(c.countdown.statutory.dueDate)}前` : ''
  return `承诺${c.promisedDays}个工作日，法定${c.statutoryDays}个工作日${due}（节假日不计，补正和特别程序期间暂停计时）`
}

export const isBad = (level: string): boolean => level === '不满意' || level === '非常不满意'
