import { emit } from '../events/events.domain';
import type { CoreState } from '../state';
import { reopenUntil, slaOf } from './complaints.domain';
import type { ComplaintRecord } from './complaints.state';

/**
 * A complaint's changes the citizen hears about: 签收 (with the reply deadline) and 答复 (with until when it can be
 * reopened). One stream per complaint. The feed names the person even for an anonymous complaint: anonymity hides the
 * citizen from the window, not from the citizen's own channel.
 */
export function emitComplaintEvent(state: CoreState, now: Date, rec: ComplaintRecord, type: 'complaint.acknowledged' | 'complaint.replied'): void {
  const stream = `complaint:${rec.trackingNo}`;
  if (type === 'complaint.acknowledged') {
    emit(state.events, now, {
      type,
      stream,
      personId: rec.personId,
      data: { trackingNo: rec.trackingNo, category: rec.category, replyBy: slaOf(state, rec, now).replyBy },
    });
    return;
  }
  const reply = rec.replies[rec.replies.length - 1];
  const until = reopenUntil(rec);
  emit(state.events, now, {
    type,
    stream,
    personId: rec.personId,
    data: { trackingNo: rec.trackingNo, category: rec.category, reply: reply?.text ?? '', reopenUntil: (until ?? now).toISOString() },
  });
}
