import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { tappable } from '../../utils/a11y';
import { mailingUrl, PROGRESS_TAB } from '../../utils/case-routes';
import { MAILING_HOW, type CaseForHome } from '../../utils/home';
import { Button } from '../ui';

/** 免费邮寄: how it works, the citizen's cases whose result can be mailed (one tap each), and 进度 for the rest. */
export function MailingPanel({ cases }: { cases: readonly CaseForHome[] | null }) {
  const mailable = (cases ?? []).filter((c) => c.mailable);
  return (
    <View className='jsb-card home-panel' id='home-panel-mailing'>
      <Text className='jsb-subtitle'>免费邮寄</Text>
      <Text className='home-panel__lead'>{MAILING_HOW}</Text>
      {mailable.map((c) => (
        <View
          key={c.caseNo}
          className='home-panel__row'
          hoverClass='home-result--pressed'
          {...tappable()}
          onClick={() => void Taro.navigateTo({ url: mailingUrl(c.caseNo) })}
        >
          <Text className='home-panel__name'>{c.itemName}</Text>
          <Text className='jsb-muted'>已办结 · 申请免费邮寄 ›</Text>
        </View>
      ))}
      <Button type='primary' fill='outline' block onClick={() => void Taro.switchTab({ url: PROGRESS_TAB })}>
        去进度选办件
      </Button>
    </View>
  );
}
