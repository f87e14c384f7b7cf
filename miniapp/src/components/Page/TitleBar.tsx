import { useMemo } from 'react';
import Taro, { getCurrentInstance } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { tappable } from '../../utils/a11y';

/**
 * H5 only: WeChat draws each page's title and back arrow; a browser has neither, so the page draws them. The back
 * arrow goes to the page below, or to 首页 when the page was opened directly (a link, a reload).
 */
export function TitleBar({ tab }: { tab: boolean }) {
  const title = useMemo(() => {
    const config = getCurrentInstance().page?.config as { navigationBarTitleText?: string } | undefined;
    return config?.navigationBarTitleText ?? '济时办';
  }, []);
  const canGoBack = !tab;
  function back() {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: '/pages/index/index' });
  }
  return (
    <View className='jsb-titlebar'>
      {canGoBack ? (
        <View className='jsb-titlebar__back' {...tappable('button', { label: '返回' })} onClick={back}>
          <Text className='jsb-titlebar__arrow'>‹ 返回</Text>
        </View>
      ) : null}
      <Text className='jsb-titlebar__title'>{title}</Text>
    </View>
  );
}
