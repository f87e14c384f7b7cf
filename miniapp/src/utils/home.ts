/** The service promises of the Jining halls (PRODUCT.md), as entry tiles on 首页. */
export type TileTarget = { kind: 'tab'; url: string } | { kind: 'page'; url: string } | { kind: 'soon'; what: string; meanwhile: string }

export interface PromiseTile {
  title: string
  text: string
  target: TileTarget
}

export const PROMISE_TILES: readonly PromiseTile[] = [
  {
    title: '一次告知',
    text: '办事要带的材料，预约前一次说清，不让您多跑一趟。',
    target: { kind: 'tab', url: '/pages/booking/index' },
  },
  {
    title: '错时延时',
    text: '工作日中午 12:00–13:30、傍晚 17:00–19:00，预约即可办理。',
    target: { kind: 'tab', url: '/pages/booking/index' },
  },
  {
    title: '双休日预约',
    text: '周末和节假日上午 9:00–12:00，部分事项预约办理。',
    target: { kind: 'tab', url: '/pages/booking/index' },
  },
  {
    title: '办件进度',
    text: '每一步谁在办、还剩几个工作日，随时可查。',
    target: { kind: 'tab', url: '/pages/progress/index' },
  },
  {
    title: '找茬',
    text: '窗口说“不”、办事不顺，都可以来找茬，限时答复。',
    target: { kind: 'page', url: '/pages/complaints/new/index' },
  },
  {
    title: '集成缴费',
    text: '办件费用、水费、电费、燃气费，微信支付，凭证随时查。',
    target: { kind: 'page', url: '/pages/payments/index' },
  },
  {
    title: '免费邮寄',
    text: '办好的证照可以免费寄到家。',
    target: {
      kind: 'soon',
      what: '线上申请邮寄即将开放',
      meanwhile: '现在可以在大厅窗口办理时提出免费邮寄，留下收件地址即可。',
    },
  },
]
