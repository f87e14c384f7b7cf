import Taro from '@tarojs/taro';
import type { HomeTarget } from '../../utils/home';

/** A page this build does not have (a 消息 linking to a page of a newer version): say where to look instead. */
function cannotOpen(): void {
  void Taro.showToast({ title: '这个页面暂时打不开，请到“进度”或“我的”里查看', icon: 'none', duration: 3000 });
}

/** Follows a 首页 target: a tab, a page, or a phone call (WeChat asks the citizen before dialling). */
export function go(t: Exclude<HomeTarget, { kind: 'panel' }>): void {
  if (t.kind === 'tab') void Taro.switchTab({ url: t.url }).catch(cannotOpen);
  else if (t.kind === 'page') void Taro.navigateTo({ url: t.url }).catch(cannotOpen);
  // a cancelled call sheet rejects: nothing to report
  else void Taro.makePhoneCall({ phoneNumber: t.number }).catch(() => undefined);
}
