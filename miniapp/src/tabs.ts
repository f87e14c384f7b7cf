/** The four tabs: read by app.config.ts (WeChat's tab bar list) and by the weapp custom tab bar that draws them. */
export interface Tab {
  pagePath: string;
  text: string;
}

export const TABS: readonly Tab[] = [
  { pagePath: 'pages/index/index', text: '首页' },
  { pagePath: 'pages/booking/index', text: '预约' },
  { pagePath: 'pages/progress/index', text: '进度' },
  { pagePath: 'pages/mine/index', text: '我的' },
];

export const isTabRoute = (route: string): boolean => TABS.some((t) => t.pagePath === route.replace(/^\//, ''));
