import Taro from '@tarojs/taro';

/**
 * Back to a page the citizen came through (closing what is above it, as WeChat's back arrow would), or open it when
 * it is not in the stack (a deep link, a relaunch).
 */
export function backTo(route: string, url: string): void {
  const pages = Taro.getCurrentPages();
  const at = pages.map((p) => (p.route ?? '').replace(/^\//, '')).lastIndexOf(route.replace(/^\//, ''));
  if (at >= 0 && at < pages.length - 1) void Taro.navigateBack({ delta: pages.length - 1 - at });
  else void Taro.navigateTo({ url });
}
