import { slaLine } from './complaint-format';

const sla = (over: Record<string, unknown> = {}) => ({
  acknowledgeBy: '2026-03-06',
  replyBy: '2026-03-12',
  acknowledgeOverdue: false,
  replyOverdue: false,
  replyWorkingDaysLeft: 3,
  ...over,
});

describe('slaLine: the deadline line on 我的找茬', () => {
  it('counts working days left, then 今天, then 已超时', () => {
    expect(slaLine({ status: 'acknowledged', overdue: false, sla: sla() })).toEqual({ text: '3月12日前答复，还剩3个工作日', tone: 'ok' });
    expect(slaLine({ status: 'in-progress', overdue: false, sla: sla({ replyWorkingDaysLeft: 0 }) }).text).toBe('今天是答复期限（3月12日）');
    expect(slaLine({ status: 'in-progress', overdue: true, sla: sla({ replyOverdue: true, replyWorkingDaysLeft: -1 }) })).toEqual({
      text: '已超时：应于3月12日前答复',
      tone: 'overdue',
    });
    expect(slaLine({ status: 'submitted', overdue: true, sla: sla({ acknowledgeOverdue: true }) }).tone).toBe('overdue');
  });
  it('says the clock starts after hand-over while queued, and stops when answered', () => {
    expect(slaLine({ status: 'queued', overdue: false, sla: null }).tone).toBe('waiting');
    expect(slaLine({ status: 'replied', overdue: false, sla: sla() }).tone).toBe('done');
  });
});
