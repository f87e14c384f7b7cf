import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listItems } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { tappable } from '../../utils/a11y';
import { weekendHoursText } from '../../utils/home';
import { itemUrl } from '../../utils/routes';
import { ErrorNotice } from '../ErrorNotice';

/** 双休日预约: the hours from the booking rules and every item that offers weekend booking, each one tap away. */
export function WeekendPanel() {
  const items = useLoad(() => listItems({}), []);
  const weekend = (items.data ?? []).filter((i) => i.weekendBooking);
  return (
    <View className='jsb-card home-panel' id='home-panel-weekend'>
      <Text className='jsb-subtitle'>双休日预约</Text>
      <Text className='home-panel__lead'>{weekendHoursText()}，以下事项可以预约办理（仅限预约）。点事项看材料、约时段。</Text>
      {items.status === 'loading' && !items.data ? <Text className='jsb-muted'>正在读取事项…</Text> : null}
      {items.status === 'error' ? <ErrorNotice error={items.error} onRetry={items.reload} /> : null}
      {weekend.map((it) => (
        <View
          key={it.id}
          className='home-panel__row'
          hoverClass='home-result--pressed'
          {...tappable()}
          onClick={() => void Taro.navigateTo({ url: itemUrl(it.id) })}
        >
          <Text className='home-panel__name'>{it.name}</Text>
          <Text className='jsb-muted'>{it.zoneName}</Text>
        </View>
      ))}
    </View>
  );
}
