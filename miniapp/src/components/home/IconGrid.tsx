import { View, Text } from '@tarojs/components';
import { tappable } from '../../utils/a11y';
import { HOME_TILES, type HomePanel, type HomeTarget } from '../../utils/home';
import { HomeIcon } from './HomeIcon';

/** Two rows of four: icon and name; 双休日预约 and 免费邮寄 open a panel under the grid. */
export function IconGrid({ open, onTarget }: { open: HomePanel | null; onTarget: (t: HomeTarget) => void }) {
  return (
    <View className='home-grid'>
      {HOME_TILES.map((tile) => {
        const panel = tile.target.kind === 'panel' ? tile.target.panel : null;
        const a11y = panel ? tappable('button', { expanded: open === panel }) : tappable();
        return (
          <View key={tile.title} className='home-grid__tile' hoverClass='home-grid__tile--pressed' {...a11y} onClick={() => onTarget(tile.target)}>
            <HomeIcon icon={tile.icon} />
            <Text className='home-grid__name'>{tile.title}</Text>
          </View>
        );
      })}
    </View>
  );
}
