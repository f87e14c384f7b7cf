import { monthDayText } from '@jsb/shared';
import type { Complaint } from '@jsb/shared';

export type SlaTone = 'ok' | 'soon' | 'overdue' | 'done' | 'waiting';

/**
 * The one line that tells the citizen where the deadline stands: the reply due date and the working days left,
 * 已超时 once it has passed, or that the clock has not started while the complaint waits to be handed over.
 */
export function slaLine(c: Pick<Complaint, 'status' | 'sla' | 'overdue'>): { text: string; tone: SlaTone } {
  if (!c.sla) return { text: '转交政务系统后开始计算答复期限', tone: 'waiting' };
  const { replyBy, replyWorkingDaysLeft, replyOverdue, acknowledgeOverdue, acknowledgeBy } = c.sla;
  if (c.status === 'replied' || c.status === 'closed') return { text: `已答复（答复期限${monthDayText(replyBy)}）`, tone: 'done' };
  if (replyOverdue) return { text: `已超时：应于${monthDayText(replyBy)}前答复`, tone: 'overdue' };
  if (acknowledgeOverdue) return { text: `已超时：应于${monthDayText(acknowledgeBy)}前签收；答复期限${monthDayText(replyBy)}`, tone: 'overdue' };
  if (replyWorkingDaysLeft === 0) return { text: `今天是答复期限（${monthDayText(replyBy)}）`, tone: 'soon' };
  return { text: `${monthDayText(replyBy)}前答复，还剩${replyWorkingDaysLeft}个工作日`, tone: replyWorkingDaysLeft <= 1 ? 'soon' : 'ok' };
}

export const COMPLAINT_LIST = '/pages/complaints/index';
export const COMPLAINT_NEW = '/pages/complaints/new/index';
export const complaintUrl = (id: string, created?: boolean) => `/pages/complaints/detail/index?id=${encodeURIComponent(id)}${created ? '&created=1' : ''}`;
