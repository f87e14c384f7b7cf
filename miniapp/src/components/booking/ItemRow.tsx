import { View, Text } from '@tarojs/components';
import type { ItemSummary } from '@jsb/shared';
import { formatFee, formatLimits } from '../../utils/booking-format';
import { tappable } from '../../utils/a11y';

/** One item (事项) in a list: its name as the core names it, the zone and department, limits and fee. */
export function ItemRow({ item, onOpen }: { item: ItemSummary; onOpen: () => void }) {
  return (
    <View className='bk-item' hoverClass='bk-item--pressed' {...tappable()} onClick={onOpen}>
      <Text className='bk-item__name'>{item.name}</Text>
      <Text className='bk-item__meta'>
        {item.zoneName} · {item.department}
      </Text>
      <View className='bk-item__facts'>
        <Text className='bk-tag'>{formatLimits(item.statutoryDays, item.promisedDays)}</Text>
        <Text className='bk-tag'>{formatFee(item.fee)}</Text>
        {item.weekendBooking ? <Text className='bk-tag bk-tag--ok'>可周末预约</Text> : null}
      </View>
    </View>
  );
}
