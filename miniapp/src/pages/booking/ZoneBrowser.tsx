import { View, Text } from '@tarojs/components';
import type { Hall } from '@jsb/shared';
import { zoneServices } from '../../utils/booking-format';
import type { Browse } from './ItemSearch';
import { tappable } from '../../utils/a11y';

/** Browse by zone (专区): each zone of the chosen hall, with what it offers beyond regular hours. */
export function ZoneBrowser({ hall, browse, onBrowse }: { hall: Hall; browse: Browse | null; onBrowse: (b: Browse | null) => void }) {
  const selected = browse?.kind === 'zone' ? browse.zoneId : null;
  return (
    <View className='booking__zones'>
      <Text className='booking__zones-title'>或按专区查找</Text>
      <View className='booking__zone-grid'>
        {hall.zones.map((z) => {
          const services = zoneServices(z);
          return (
            <View
              key={z.id}
              className={`booking__zone${z.id === selected ? ' booking__zone--on' : ''}`}
              {...tappable('button', { pressed: z.id === selected })}
              onClick={() => onBrowse(z.id === selected ? null : { kind: 'zone', zoneId: z.id })}
            >
              <Text className='booking__zone-name'>{z.name}</Text>
              {services ? <Text className='booking__zone-services'>{services}</Text> : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
