import {
  COMPLAINT_RULES,
  COMPLAINT_STATUS_LABEL,
  maskNumbersInText,
  shanghaiDate,
  shanghaiTime,
  type Complaint,
  type ComplaintCategory,
  type ComplaintEvent,
  type CoreComplaint,
} from '@jsb/shared';
import type { OutboxEntry } from '../../outbox/outbox';

/** What the outbox holds for one complaint until the core accepts it (no name, no phone: only the personId). */
export interface ComplaintPayload {
  ref: string;
  personId: string;
  category: ComplaintCategory;
  target: { hallId: string; zoneId?: string; windowNo?: string; staffNo?: string };
  /** for display while queued; not sent to the core */
  hallName?: string;
  zoneName?: string;
  description: string;
  anonymous: boolean;
  photoIds: string[];
}

/** The outbox keeps the core's answer on acceptance (the complaint as registered, with its tracking number). */
export type ComplaintEntry = OutboxEntry<ComplaintPayload, CoreComplaint>;

const at = (iso: string) => {
  const d = new Date(iso);
  return `${Number(shanghaiDate(d).slice(5, 7))}月${Number(shanghaiDate(d).slice(8, 10))}日${shanghaiTime(d)}`;
};

/** Why the one reopen is not available now, in the citizen's words; undefined when it is. */
function reopenNote(c: CoreComplaint, now: Date): string | undefined {
  const hasReply = c.replies.length > 0;
  if (c.reopenedAt) return `已于${at(c.reopenedAt)}重新办理过一次；如仍未解决，请拨打12345政务服务便民热线反映。`;
  if (!hasReply || (c.status !== 'replied' && c.status !== 'closed'))
    return `收到答复后${COMPLAINT_RULES.reopenDays}天内，如问题没有解决，可以申请重新办理一次。`;
  if (c.reopenUntil && now.getTime() > Date.parse(c.reopenUntil)) {
    return `重新办理需在答复后${COMPLAINT_RULES.reopenDays}天内申请，已于${at(c.reopenUntil)}截止；如仍有问题，请拨打12345反映。`;
  }
  return undefined;
}

/** The citizen's view of a complaint the core holds; `entry` is its outbox record when it came through us. */
export function fromCore(c: CoreComplaint, now: Date, entry?: ComplaintEntry): Complaint {
  const last = c.replies[c.replies.length - 1];
  const answered = c.status === 'replied' || c.status === 'closed';
  const canReopen = !c.reopenedAt && answered && !!c.reopenUntil && now.getTime() <= Date.parse(c.reopenUntil);
  const timeline: ComplaintEvent[] = [];
  if (entry && entry.deliveredAt && entry.attempts > 1) {
    timeline.push({ at: entry.createdAt.toISOString(), status: 'queued', label: '您提交了找茬，政务系统暂时无法连接，已排队等待转交' });
  }
  timeline.push(...c.timeline);
  const note = reopenNote(c, now);
  return {
    id: entry?.payload.ref ?? c.id,
    trackingNo: c.trackingNo,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABEL[c.status],
    category: c.category,
    target: c.target,
    // the citizen may have typed a phone or ID number: answers show it masked, like everywhere else (the core keeps the text)
    description: maskNumbersInText(c.description),
    anonymous: c.anonymous,
    photoCount: c.photoIds.length,
    photoIds: c.photoIds,
    submittedAt: (entry?.createdAt ?? new Date(c.createdAt)).toISOString(),
    sla: c.sla,
    overdue: c.sla.acknowledgeOverdue || c.sla.replyOverdue,
    timeline,
    replies: c.replies,
    canRate: answered && !!last && !last.rating,
    canReopen,
    ...(note ? { reopenNote: note } : {}),
    ...(c.reopenUntil ? { reopenUntil: c.reopenUntil } : {}),
  };
}

/** A complaint the core has not accepted yet (queued), or refused on delivery (rejected). */
export function fromEntry(e: ComplaintEntry): Complaint {
  const p = e.payload;
  const rejected = e.state === 'rejected';
  return {
    id: p.ref,
    trackingNo: null,
    status: rejected ? 'rejected' : 'queued',
    statusLabel: COMPLAINT_STATUS_LABEL[rejected ? 'rejected' : 'queued'],
    category: p.category,
    target: { ...p.target, ...(p.hallName ? { hallName: p.hallName } : {}), ...(p.zoneName ? { zoneName: p.zoneName } : {}) },
    description: maskNumbersInText(p.description),
    anonymous: p.anonymous,
    photoCount: p.photoIds.length,
    photoIds: p.photoIds,
    submittedAt: e.createdAt.toISOString(),
    sla: null,
    overdue: false,
    timeline: [
      {
        at: e.createdAt.toISOString(),
        status: rejected ? 'rejected' : 'queued',
        label: rejected ? '政务系统未能接收这条找茬' : '您提交了找茬，正在转交政务系统',
        note: rejected
          ? '请拨打12345政务服务便民热线反映，或到大厅“找茬”窗口当面反映。'
          : '政务系统恢复后自动转交，不需要重新提交；转交后显示找茬编号和答复期限。',
      },
    ],
    replies: [],
    canRate: false,
    canReopen: false,
    reopenNote: `收到答复后${COMPLAINT_RULES.reopenDays}天内，如问题没有解决，可以申请重新办理一次。`,
  };
}
