import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listThemes } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { tappable } from '../../utils/a11y';
import { HOTLINE, serviceHours } from '../../utils/home';
import { themeUrl } from '../../utils/routes';

/** 一链办理 on 首页: each theme one tap away (开饭店 and its six permits, one checklist). */
export function ThemesCard() {
  const themes = useLoad(listThemes, []);
  if (!themes.data?.length) return null;
  return (
    <View className='jsb-card home-themes'>
      <Text className='jsb-subtitle'>一链办理</Text>
      <Text className='jsb-muted'>几件事一起办：一张材料清单，一次说清。</Text>
      <View className='home-themes__list'>
        {themes.data.map((t) => (
          <View
            key={t.id}
            className='home-themes__chip'
            hoverClass='home-result--pressed'
            {...tappable()}
            onClick={() => void Taro.navigateTo({ url: themeUrl(t.id) })}
          >
            <Text>{t.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Hours from the booking rules, and the 12345 hotline as a link that dials. */
export function HelpCard({ onCall }: { onCall: () => void }) {
  return (
    <View className='jsb-card home-help'>
      <Text className='jsb-subtitle'>办事时间</Text>
      {serviceHours().map((line) => (
        <Text key={line} className='home-help__line'>
          {line}
        </Text>
      ))}
      <Text className='home-help__line'>办事遇到问题，咨询、求助、投诉都可以打政务服务便民热线：</Text>
      <View className='home-help__call' hoverClass='home-result--pressed' {...tappable()} onClick={onCall}>
        <Text>拨打 {HOTLINE}</Text>
      </View>
    </View>
  );
}
