import {
  COMPLAINT_RULES,
  shanghaiDate,
  templatePage,
  wxAmount,
  wxPhrase,
  wxString,
  wxThing,
  yuanText,
  type KnownCoreEvent,
  type MessageLinkKind,
  type SubscriptionTemplateKey,
  monthDayText,
  fullMomentText,
} from '@jsb/shared';
import { describeCase } from './describe-case';

/** A message for the citizen, and the WeChat subscription message that tells it, if this kind of news has one. */
export interface Described {
  title: string;
  body: string;
  nextStep: string;
  link: { kind: MessageLinkKind; id: string; page: string };
  push?: { key: SubscriptionTemplateKey; page: string; data: Record<string, { value: string }> };
}

type Other = Exclude<KnownCoreEvent, { type: `case.${string}` }>;
type Of<K extends Other['type']> = Extract<Other, { type: K }>;

const at = (iso: string) => fullMomentText(new Date(iso));

/** 找茬办理结果通知 / 差评整改进度通知: 编号, 状态, 说明, 时间, 提示 */
function progressPush(
  key: 'complaintReply' | 'ratingLoop',
  id: string,
  code: string,
  phrase: string,
  what: string,
  when: string,
  tip: string,
): Described['push'] {
  return {
    key,
    page: templatePage(key, id),
    data: {
      character_string1: { value: wxString(code) },
      phrase2: { value: wxPhrase(phrase) },
      thing3: { value: wxThing(what) },
      time4: { value: at(when) },
      thing5: { value: wxThing(tip) },
    },
  };
}

const DESCRIBE: { [K in Other['type']]: (e: Of<K>) => Described } = {
  'complaint.acknowledged': (e) => ({
    title: '找茬已签收',
    body: `您的找茬（编号${e.data.trackingNo}，${e.data.category}）已由大厅签收。`,
    nextStep: `大厅将在${monthDayText(e.data.replyBy)}前答复（${COMPLAINT_RULES.replyWorkingDays}个工作日内），可在“找茬”查看进度。`,
    link: { kind: 'complaint', id: e.data.trackingNo, page: templatePage('complaintReply', e.data.trackingNo) },
    push: progressPush(
      'complaintReply',
      e.data.trackingNo,
      e.data.trackingNo,
      '已签收',
      e.data.category,
      e.occurredAt,
      `${monthDayText(e.data.replyBy)}前答复`,
    ),
  }),
  'complaint.replied': (e) => ({
    title: '找茬已答复',
    body: `您的找茬（编号${e.data.trackingNo}）已答复：${e.data.reply}`,
    nextStep: `请评价这次答复；问题没有解决的，可在${monthDayText(shanghaiDate(new Date(e.data.reopenUntil)))}前申请重新办理一次（答复后${COMPLAINT_RULES.reopenDays}天内）。`,
    link: { kind: 'complaint', id: e.data.trackingNo, page: templatePage('complaintReply', e.data.trackingNo) },
    push: progressPush('complaintReply', e.data.trackingNo, e.data.trackingNo, '已答复', e.data.reply, e.occurredAt, '请查看答复并评价'),
  }),
  'rating.called-back': (e) => ({
    title: '差评已回访',
    body: `大厅已就您对“${e.data.itemName}”的评价回访：${e.data.note}`,
    nextStep: `大厅将在${monthDayText(e.data.correctionDue)}前完成整改并反馈，之后您可以追评一次。`,
    link: { kind: 'rating', id: e.data.caseNo, page: templatePage('ratingLoop', e.data.caseNo) },
    push: progressPush('ratingLoop', e.data.caseNo, e.data.caseNo, '已回访', e.data.note, e.occurredAt, `${monthDayText(e.data.correctionDue)}前整改反馈`),
  }),
  'rating.corrected': (e) => ({
    title: '差评已整改反馈',
    body: `大厅已就您对“${e.data.itemName}”的评价完成整改：${e.data.feedback}`,
    nextStep: '您可以在办件的“评价”里追评一次，说说整改后的感受。',
    link: { kind: 'rating', id: e.data.caseNo, page: templatePage('ratingLoop', e.data.caseNo) },
    push: progressPush('ratingLoop', e.data.caseNo, e.data.caseNo, '已整改', e.data.feedback, e.occurredAt, '欢迎追评一次'),
  }),
  'payment.refunded': (e) => {
    const id = e.data.outTradeNo ?? e.data.payableId;
    return {
      title: '退款已到账',
      body: `“${e.data.title}”${yuanText(e.data.amountFen)}元已退款，原路退回您的微信支付账户。`,
      nextStep: '零钱支付的即时到账，银行卡支付的以银行入账时间为准；可在“缴费记录”查看。',
      link: { kind: 'payment', id, page: e.data.outTradeNo ? templatePage('refund', e.data.outTradeNo) : 'pages/payments/history/index' },
      push: {
        key: 'refund',
        page: e.data.outTradeNo ? templatePage('refund', e.data.outTradeNo) : 'pages/payments/history/index',
        data: {
          character_string1: { value: wxString(id) },
          amount2: { value: wxAmount(e.data.amountFen) },
          thing3: { value: wxThing(e.data.title) },
          time4: { value: at(e.data.refundedAt) },
          thing5: { value: wxThing('已原路退回微信支付账户') },
        },
      },
    };
  },
  'payment.closed': (e) => ({
    title: '缴费单已撤销',
    body: `“${e.data.title}”（${yuanText(e.data.amountFen)}元）已撤销：${e.data.reason}。`,
    nextStep: '这笔费用不用再缴；如已下单还没支付，请不要再支付。有疑问请拨打12345。',
    link: { kind: 'payment', id: e.data.payableId, page: 'pages/payments/index' },
  }),
};

/** The message for one event the core announced. */
export function describe(e: KnownCoreEvent): Described {
  if (e.type.startsWith('case.')) return describeCase(e as Extract<KnownCoreEvent, { type: `case.${string}` }>);
  return (DESCRIBE[e.type as Other['type']] as (x: Other) => Described)(e as Other);
}
