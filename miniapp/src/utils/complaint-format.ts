import type { Complaint } from '@jsb/shared'

/** 2026-03-12 → 3月12日 */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** An ISO instant as 3月5日 10:00 in Jining (UTC+8, no daylight saving). */
export function instantLabel(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  return `${shortDate(t.slice(0, 10))} ${t.slice(11, 16)}`
}

export type SlaTone = 'ok' | 'soon' | 'overdue' | 'done' | 'waiting'

/**
 * The one line that tells the citizen where the deadline stands: the reply due date and the working days left,
 * 已超时 once it has passed, or that the clock has not started while the complaint waits to be handed over.
 */
export function slaLine(c: Pick<Complaint, 'status' | 'sla' | 'overdue'>): { text: string; tone: SlaTone } {
  if (!c.sla) return { text: '转交政务系统后开始计算答复期限', tone: 'waiting' }
  const { replyBy, replyWorkingDaysLeft, replyOverdue, acknowledgeOverdue, acknowledgeBy } = c.sla
  if (c.status === 'replied' || c.status === 'closed') return { text: `已答复（答复期限${shortDate(replyBy)}）`, tone: 'done' }
  if (replyOverdue) return { text: `已超时：应于${shortDate(replyBy)}前答复`, tone: 'overdue' }
  if (acknowledgeOverdue) return { text: `已超时：应于${shortDate(acknowledgeBy)}前签收；答复期限${shortDate(replyBy)}`, tone: 'overdue' }
  if (replyWorkingDaysLeft === 0) return { text: `今天是答复期限（${shortDate(replyBy)}）`, tone: 'soon' }
  return { text: `${shortDate(replyBy)}前答复，还剩${replyWorkingDaysLeft}个工作日`, tone: replyWorkingDaysLeft <= 1 ? 'soon' : 'ok' }
}

export const COMPLAINT_LIST = '/pages/complaints/index'
export const COMPLAINT_NEW = '/pages/complaints/new/index'
export const complaintUrl = (id: string, created?: boolean) => `/pages/complaints/detail/index?id=${encodeURIComponent(id)}${created ? '&created=1' : ''}`
