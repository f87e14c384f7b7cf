/**
 * WeChat subscription-message templates (订阅消息, one-time: each 允许 on the sheet pays for one message). The ids are
 * the mini-program's own (WeChat assigns them when a template is picked from its library), so they are configuration:
 * the bff's WECHAT_TPL_* settings, told to the mini-program by GET /api/v1/messages/subscriptions.
 *
 * Keywords are WeChat's types plus a number; each type has WeChat's limits (订阅消息 参数值内容限制): thing ≤ 20
 * characters, phrase ≤ 5 Chinese characters, character_string ≤ 32 letters, digits or symbols (no Chinese), time
 * "2026年3月9日 09:30", date "2026年3月17日", amount "¥12.50". wx-values.ts writes values that keep them.
 */
export const SUBSCRIPTION_TEMPLATE_KEYS = ['bookingReminder', 'caseStatus', 'caseCorrection', 'complaintReply', 'ratingLoop', 'refund'] as const;
export type SubscriptionTemplateKey = (typeof SUBSCRIPTION_TEMPLATE_KEYS)[number];

export interface TemplateSpec {
  title: string;
  /** when the mini-program asks for it (the moment it matters) */
  askWhen: string;
  /** keyword → what it shows */
  fields: Readonly<Record<string, string>>;
  /** the page the message opens, with `{id}` for what it is about */
  page: string;
}

export const SUBSCRIPTION_TEMPLATES: Readonly<Record<SubscriptionTemplateKey, TemplateSpec>> = {
  bookingReminder: {
    title: '预约办事提醒',
    askWhen: '预约成功后：开始前一天和前一小时各提醒一次，每次提醒用掉一次“允许”',
    fields: { thing1: '办理事项', time2: '预约时间', thing3: '办理地点', thing4: '温馨提示' },
    page: 'pages/appointments/detail/index?id={id}',
  },
  caseStatus: {
    title: '办件进度通知',
    askWhen: '查看办件进度时：受理、决定、办结、寄出、签收时通知',
    fields: { character_string1: '办件编号', thing2: '办理事项', phrase3: '办理状态', time4: '更新时间', thing5: '温馨提示' },
    page: 'pages/cases/detail/index?caseNo={id}',
  },
  caseCorrection: {
    title: '材料补正通知',
    askWhen: '查看办件进度时和补交材料后：需要补正、补正通过或未通过时通知',
    fields: { character_string1: '办件编号', thing2: '办理事项', thing3: '补正材料', date4: '补正期限', thing5: '温馨提示' },
    page: 'pages/cases/correction/index?caseNo={id}',
  },
  complaintReply: {
    title: '找茬办理结果通知',
    askWhen: '提交找茬后：签收和答复时通知',
    fields: { character_string1: '找茬编号', phrase2: '处理状态', thing3: '处理结果', time4: '处理时间', thing5: '温馨提示' },
    page: 'pages/complaints/detail/index?id={id}',
  },
  ratingLoop: {
    title: '差评整改进度通知',
    askWhen: '提交不满意评价后：回访和整改反馈时通知',
    fields: { character_string1: '办件编号', phrase2: '整改进度', thing3: '整改说明', time4: '更新时间', thing5: '温馨提示' },
    page: 'pages/cases/rating/index?caseNo={id}',
  },
  refund: {
    title: '退款结果通知',
    askWhen: '申请退费后：退款到账、缴费单撤销时通知',
    fields: { character_string1: '业务编号', amount2: '金额', thing3: '缴费项目', time4: '办理时间', thing5: '温馨提示' },
    page: 'pages/payments/result/index?id={id}',
  },
};

/** Which templates to ask for at each moment (wx.requestSubscribeMessage takes at most 3 one-time ids at once). */
export const SUBSCRIBE_MOMENTS = {
  booking: ['bookingReminder'],
  case: ['caseStatus', 'caseCorrection'],
  correction: ['caseCorrection', 'caseStatus'],
  complaint: ['complaintReply'],
  rating: ['ratingLoop'],
  refund: ['refund'],
} as const satisfies Record<string, readonly SubscriptionTemplateKey[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;

/** The page a template opens for one thing, e.g. pageFor('caseStatus', 'JN2026…'). */
export function templatePage(key: SubscriptionTemplateKey, id: string): string {
  return SUBSCRIPTION_TEMPLATES[key].page.replace('{id}', encodeURIComponent(id));
}
