import { CORE_EVENT_TYPES, SUBSCRIPTION_TEMPLATES, type CoreEventType, type KnownCoreEvent } from '@jsb/shared';
import { describe as describeEvent } from './describe';

/** A long item name, a long reply: values that must be cut to WeChat's limits, never make it refuse the message. */
const LONG = '食品经营许可证核发（含网络经营、中央厨房及集体用餐配送）';
const data: { [K in CoreEventType]: Extract<KnownCoreEvent, { type: K }>['data'] } = {
  'case.received': { caseNo: 'JN2026030200001', itemName: LONG, hallName: '市为民服务中心' },
  'case.accepted': { caseNo: 'JN2026030200001', itemName: LONG, promisedDays: 3, statutoryDays: 20, promisedDueDate: '2026-03-05' },
  'case.review-started': { caseNo: 'JN2026030200001', itemName: LONG, step: '材料审查', department: '市市场监督管理局' },
  'case.correction-requested': {
    caseNo: 'JN2026030200001',
    itemName: LONG,
    correctionId: 'BZ1',
    reason: '材料不全',
    deadline: '2026-03-16',
    workingDays: 10,
    hallName: '市为民服务中心',
    windowNo: 'A03',
    materials: [
      { id: 'M1', name: '经营场所平面图（须标明功能分区及面积）', reason: '缺少', copies: 1, form: '复印件' },
      { id: 'M2', name: '健康证明', reason: '过期', copies: 2, form: '原件及复印件' },
    ],
  },
  'case.correction-received': { caseNo: 'JN2026030200001', itemName: LONG, correctionId: 'BZ1', files: 3 },
  'case.correction-rejected': {
    caseNo: 'JN2026030200001',
    itemName: LONG,
    correctionId: 'BZ1',
    reason: `${LONG}的材料照片模糊`,
    whatToDo: '请重新拍摄',
    deadline: '2026-03-16',
    materials: [],
  },
  'case.correction-accepted': {
    caseNo: 'JN2026030200001',
    itemName: LONG,
    correctionId: 'BZ1',
    how: 'online',
    remainingDays: 2,
    promisedDueDate: '2026-03-09',
  },
  'case.paused': { caseNo: 'JN2026030200001', itemName: LONG, kind: '特别程序', reason: '现场核查' },
  'case.resumed': { caseNo: 'JN2026030200001', itemName: LONG, remainingDays: 2, promisedDueDate: '2026-03-09' },
  'case.decided': { caseNo: 'JN2026030200001', itemName: LONG, decision: '不予', note: '经营场所不符合要求' },
  'case.issued': { caseNo: 'JN2026030200001', itemName: LONG, decision: '准予', mailing: false, ratingDeadline: '2026-03-24' },
  'case.mailed': { caseNo: 'JN2026030200001', itemName: LONG, emsNo: 'EA123456789CN' },
  'case.delivered': { caseNo: 'JN2026030200001', itemName: LONG, emsNo: 'EA123456789CN' },
  'complaint.acknowledged': { trackingNo: 'ZC202603020001', category: '一次告知不到位', replyBy: '2026-03-09' },
  'complaint.replied': {
    trackingNo: 'ZC202603020001',
    category: '服务态度',
    reply: `${LONG}。已约谈窗口人员，并将办事指南张贴在窗口`,
    reopenUntil: '2026-03-09T02:00:00.000Z',
  },
  'rating.called-back': {
    ratingId: 'R000001',
    caseNo: 'JN2026030200001',
    itemName: LONG,
    note: '已电话回访，了解到窗口解释不清楚的问题',
    correctionDue: '2026-03-09',
  },
  'rating.corrected': { ratingId: 'R000001', caseNo: 'JN2026030200001', itemName: LONG, feedback: '已对窗口人员进行业务培训，并在窗口张贴了一次告知清单' },
  'payment.refunded': {
    payableId: 'FEE-T00001',
    title: '不动产登记费（住宅）',
    amountFen: 8000,
    outTradeNo: 'JSB2603031000002PJX6WLQK2',
    refundedAt: '2026-03-03T02:00:00.000Z',
  },
  'payment.closed': { payableId: 'FEE-T00001', title: '不动产登记费（住宅）', amountFen: 8000, reason: '减免' },
};

/** WeChat's limits for the keyword types our templates use (订阅消息 参数值内容限制). */
const ALLOWED: [RegExp, (v: string) => boolean][] = [
  [/^thing\d+$/, (v) => [...v].length <= 20],
  [/^phrase\d+$/, (v) => /^[\u4e00-\u9fff]{1,5}$/.test(v)],
  [/^character_string\d+$/, (v) => /^[\x20-\x7e]{1,32}$/.test(v)],
  [/^time\d+$/, (v) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(v)],
  [/^date\d+$/, (v) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v)],
  [/^amount\d+$/, (v) => /^¥\d{1,10}\.\d{2}$/.test(v)],
];

describe('describe: what each core event says to the citizen', () => {
  /** the fixture's event of a type, as the core's feed carries it */
  const eventOf = (type: CoreEventType) =>
    ({
      id: 'EV0123456789',
      seq: 1,
      type,
      stream: 's',
      streamSeq: 1,
      personId: 'P1',
      occurredAt: '2026-03-02T02:00:00.000Z',
      data: data[type],
    }) as KnownCoreEvent;

  it.each(CORE_EVENT_TYPES)('%s: Chinese title, what happened, what to do next, and a page of the app', (type) => {
    const m = describeEvent(eventOf(type));
    for (const text of [m.title, m.body, m.nextStep]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(m.nextStep).toMatch(/。$/);
    expect(m.link.page).toMatch(/^pages\/[a-z/-]+\/index(\?\w+=[A-Za-z0-9%-]+)?$/);
    if (!m.push) return;
    // the template's own keywords, each within WeChat's limit for its type
    expect(Object.keys(m.push.data).sort()).toEqual(Object.keys(SUBSCRIPTION_TEMPLATES[m.push.key].fields).sort());
    for (const [keyword, { value }] of Object.entries(m.push.data)) {
      const rule = ALLOWED.find(([p]) => p.test(keyword));
      expect(rule && rule[1](value) ? 'ok' : `${keyword}=${value}`).toBe('ok');
    }
  });

  it('takes every number it tells from the event or the rule: promised days, the 补正 deadline, the reopen window', () => {
    const at = (type: CoreEventType) => describeEvent(eventOf(type));
    expect(at('case.accepted').body).toContain('承诺3个工作日内办结，最迟3月5日');
    expect(at('case.correction-requested').nextStep).toBe('请在3月16日前（10个工作日内）在小程序上传，或带齐材料到市为民服务中心A03号窗口补交。');
    // 20 characters at most: the first material's name is cut, how many there are stays
    expect(at('case.correction-requested').push!.data.thing3!.value).toBe('经营场所平面图（须标明功能分区及…等2项');
    expect(at('complaint.replied').nextStep).toContain('3月9日前申请重新办理一次（答复后7天内）');
    expect(at('case.issued').nextStep).toContain('办结后15个工作日内（3月24日前）');
    expect(at('payment.refunded').body).toContain('80.00元');
  });
});
