import { CASE_RULES, templatePage, wxPhrase, wxString, wxThing, type KnownCoreEvent, monthDayText, fullMomentText, fullDateText } from '@jsb/shared';
import type { Described } from './describe';

type CaseEvent = Extract<KnownCoreEvent, { type: `case.${string}` }>;
type Of<K extends CaseEvent['type']> = Extract<CaseEvent, { type: K }>;

/*
 * What a case's events say to the applicant, in Chinese: what happened, and what to do next (只说 Yes, 不说 No). Every
 * number comes from the rule the core applied and sent with the event (the promised days, the 补正 deadline) or from
 * our shared rules (the rating window). Review steps and the receipt of one's own 补交 stay in 消息 only: a one-time
 * WeChat consent is worth spending on news, not on an echo.
 */

const caseLink = (caseNo: string) => ({ kind: 'case' as const, id: caseNo, page: templatePage('caseStatus', caseNo) });
const correctionLink = (caseNo: string) => ({ kind: 'correction' as const, id: caseNo, page: templatePage('caseCorrection', caseNo) });

/** 办件进度通知: 办件编号, 事项, 状态 (≤ 5 Chinese characters), 时间, 提示 */
function statusPush(e: CaseEvent, phrase: string, tip: string): Described['push'] {
  return {
    key: 'caseStatus',
    page: templatePage('caseStatus', e.data.caseNo),
    data: {
      character_string1: { value: wxString(e.data.caseNo) },
      thing2: { value: wxThing(e.data.itemName) },
      phrase3: { value: wxPhrase(phrase) },
      time4: { value: fullMomentText(new Date(e.occurredAt)) },
      thing5: { value: wxThing(tip) },
    },
  };
}

/** 材料补正通知: 办件编号, 事项, 补正材料, 期限, 提示 */
function correctionPush(caseNo: string, itemName: string, what: string, deadline: string, tip: string): Described['push'] {
  return {
    key: 'caseCorrection',
    page: templatePage('caseCorrection', caseNo),
    data: {
      character_string1: { value: wxString(caseNo) },
      thing2: { value: wxThing(itemName) },
      thing3: { value: wxThing(what) },
      date4: { value: fullDateText(deadline) },
      thing5: { value: wxThing(tip) },
    },
  };
}

/** "经营场所平面图等2项" within 20 characters: the first name is cut, the count stays */
function materialsThing(names: string[]): string {
  if (names.length === 1) return wxThing(names[0]!);
  const more = `等${names.length}项`;
  return `${wxThing(names[0]!, 20 - more.length)}${more}`;
}

const left = (days: number, due: string) => `承诺时限还剩${days}个工作日，预计${monthDayText(due)}前办结；可在“进度”查看倒计时。`;

const DESCRIBE: { [K in CaseEvent['type']]: (e: Of<K>) => Described } = {
  'case.received': ({ data: d }) => ({
    title: '材料已收件',
    body: `您申请的“${d.itemName}”已在${d.hallName}收件（办件编号${d.caseNo}），窗口正在审核材料。`,
    nextStep: '受理后开始计算办理时限，每一步都会通知您，也可在“进度”查看。',
    link: caseLink(d.caseNo),
  }),
  'case.accepted': (e) => ({
    title: '办件已受理',
    body: `“${e.data.itemName}”已受理（办件编号${e.data.caseNo}），承诺${e.data.promisedDays}个工作日内办结，最迟${monthDayText(e.data.promisedDueDate)}。`,
    nextStep: '办理期间不用再跑窗口；需要补正材料时会第一时间通知您。',
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '已受理', `承诺${e.data.promisedDays}个工作日内办结`),
  }),
  'case.review-started': ({ data: d }) => ({
    title: `进入“${d.step}”环节`,
    body: `“${d.itemName}”已进入“${d.step}”环节，由${d.department}办理。`,
    nextStep: '您不需要做什么，办理时限照常计算；可在“进度”查看每一步。',
    link: caseLink(d.caseNo),
  }),
  'case.correction-requested': ({ data: d }) => {
    const names = d.materials.map((m) => `${m.name}（${m.form}${m.copies}份）`).join('、');
    return {
      title: '需要补正材料',
      body: `“${d.itemName}”需要补正${d.materials.length}项材料：${names}。补正期间办理时限暂停计算。`,
      nextStep: `请在${monthDayText(d.deadline)}前（${d.workingDays}个工作日内）在小程序上传，或带齐材料到${d.hallName}${d.windowNo}号窗口补交。`,
      link: correctionLink(d.caseNo),
      push: correctionPush(d.caseNo, d.itemName, materialsThing(d.materials.map((x) => x.name)), d.deadline, '请在期限内上传或到窗口补交'),
    };
  },
  'case.correction-received': ({ data: d }) => ({
    title: '已收到补交的材料',
    body: `“${d.itemName}”补交的${d.files}个文件已送达窗口，等待审核。`,
    nextStep: '审核通过后办理时限恢复计算；如还需修改，会通知您原因和要求。',
    link: correctionLink(d.caseNo),
  }),
  'case.correction-rejected': ({ data: d }) => ({
    title: '补交的材料未通过审核',
    body: `“${d.itemName}”补交的材料未通过审核：${d.reason}${d.materials.length ? `（${d.materials.map((m) => `${m.name}：${m.reason}`).join('；')}）` : ''}。`,
    nextStep: `${d.whatToDo}。请在${monthDayText(d.deadline)}前重新上传，或带材料到窗口补交。`,
    link: correctionLink(d.caseNo),
    push: correctionPush(d.caseNo, d.itemName, d.reason, d.deadline, '请按要求重新上传'),
  }),
  'case.correction-accepted': (e) => ({
    title: '补正材料已通过，恢复计时',
    body: `“${e.data.itemName}”的补正材料${e.data.how === 'online' ? '已审核通过' : '已在窗口补交并通过'}，办理时限恢复计算。`,
    nextStep: left(e.data.remainingDays, e.data.promisedDueDate),
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '恢复计时', `还剩${e.data.remainingDays}个工作日`),
  }),
  'case.paused': (e) => ({
    title: '办件暂停计时',
    body: `“${e.data.itemName}”进入特别程序（${e.data.reason}），办理时限暂停计算。`,
    nextStep: '特别程序（如听证、检验检测、专家评审）所需时间不计入办理时限，结束后会通知您。',
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '暂停计时', '特别程序结束后恢复计时'),
  }),
  'case.resumed': (e) => ({
    title: '办件恢复计时',
    body: `特别程序已结束，“${e.data.itemName}”恢复计算办理时限。`,
    nextStep: left(e.data.remainingDays, e.data.promisedDueDate),
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '恢复计时', `还剩${e.data.remainingDays}个工作日`),
  }),
  'case.decided': (e) =>
    e.data.decision === '准予'
      ? {
          title: '审批决定：准予许可',
          body: `“${e.data.itemName}”已作出准予许可的决定${e.data.note ? `（${e.data.note}）` : ''}。`,
          nextStep: '结果出具后会通知您领取；想送到家，可在“进度”申请免费邮寄。',
          link: caseLink(e.data.caseNo),
          push: statusPush(e, '准予许可', '结果出具后通知您领取'),
        }
      : {
          title: '审批决定：不予许可',
          body: `“${e.data.itemName}”这次未获许可${e.data.note ? `，原因：${e.data.note}` : ''}。`,
          nextStep: '决定书写明了理由：按说明补齐条件后可以重新申请；怎样能办成，可到受理窗口或拨打12345咨询。',
          link: caseLink(e.data.caseNo),
          push: statusPush(e, '不予许可', '请查看原因和办成的办法'),
        },
  'case.issued': (e) => ({
    title: '办结，结果已出具',
    body: `“${e.data.itemName}”已办结，${e.data.decision === '准予' ? '证照' : '不予许可决定书'}已出具。`,
    nextStep: `${e.data.mailing ? '结果将免费邮寄到您填写的地址，寄出后会通知您。' : '请带身份证到受理窗口领取，或在“进度”申请免费邮寄。'}办结后${CASE_RULES.ratingWindowDays}个工作日内（${monthDayText(e.data.ratingDeadline)}前）可以评价这次服务。`,
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '已办结', e.data.mailing ? '结果将免费邮寄' : '请到窗口领取或申请邮寄'),
  }),
  'case.mailed': (e) => ({
    title: '结果已寄出',
    body: `“${e.data.itemName}”的办理结果已通过EMS寄出，运单号${e.data.emsNo}。`,
    nextStep: '请保持电话畅通，可在“进度”查看物流。',
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '已寄出', `EMS ${e.data.emsNo}`),
  }),
  'case.delivered': (e) => ({
    title: '结果已签收',
    body: `“${e.data.itemName}”的办理结果已签收（EMS ${e.data.emsNo}）。`,
    nextStep: `对这次服务有什么意见，可在“进度”里评价（办结后${CASE_RULES.ratingWindowDays}个工作日内）。`,
    link: caseLink(e.data.caseNo),
    push: statusPush(e, '已签收', '欢迎评价这次服务'),
  }),
};

export function describeCase(e: CaseEvent): Described {
  return (DESCRIBE[e.type] as (x: CaseEvent) => Described)(e);
}
