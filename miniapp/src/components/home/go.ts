import Taro from '@tarojs/taro'
import type { HomeTarget } from '../../utils/home'

/** Follows a 首页 target: a tab, a page, or a phone call (WeChat asks the citizen before dialling). */
export function go(t: Exclude<HomeTarget, { kind: 'panel' }>): void {
  if (t.kind === 'tab') void Taro.switchTab({ url: t.url })
  else if (t.kind === 'page') void Taro.navigateTo({ url: t.url })
  // a cancelled call sheet rejects: nothing to report
  else void Taro.makePhoneCall({ phoneNumber: t.number }).catch(() => undefined)
}
