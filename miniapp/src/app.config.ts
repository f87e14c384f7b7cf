import { TABS } from './tabs';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/booking/index',
    'pages/progress/index',
    'pages/mine/index',
    'pages/booking/item/index',
    'pages/booking/theme/index',
    'pages/booking/slots/index',
    'pages/booking/confirm/index',
  ],
  subPackages: [
    // 我的预约 and the ticket; 实名认证: opened from several journeys, loaded when first needed
    { root: 'pages/appointments', pages: ['index', 'detail/index'] },
    { root: 'pages/real-name', pages: ['index'] },
    // 消息: everything that happened, newest first (issue 12)
    { root: 'pages/messages', pages: ['index'] },
    // 缴费 (payments): fees, utility bills, the result page and receipts
    { root: 'pages/payments', pages: ['index', 'result/index', 'history/index'] },
    // 找茬 (complaints): its own subpackage, loaded when first opened
    { root: 'pages/complaints', pages: ['index', 'new/index', 'detail/index'] },
    // 进度 and 好差评 detail pages (the 进度 tab itself is in the main package)
    { root: 'pages/cases', pages: ['detail/index', 'correction/index', 'mailing/index', 'rate/index', 'rating/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b57d0',
    navigationBarTitleText: '济时办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
  // text-only tab bar; colours pass 4.5:1 on white (#4a4f57 8.2, #0b57d0 6.4). On weapp the app draws it
  // (custom-tab-bar/): WeChat's native bar cannot follow 长辈版. WeChat still needs the whole list to know the tab pages.
  tabBar: {
    custom: process.env.TARO_ENV === 'weapp',
    color: '#4a4f57',
    selectedColor: '#0b57d0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TABS.map((t) => ({ ...t })),
  },
});
