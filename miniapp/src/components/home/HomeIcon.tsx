import { View } from '@tarojs/components';
import { Clock, Complaint, Mail, Order, Phone, Processing, QrCode, Wallet } from '@nutui/icons-react-taro';
import type { TileIcon } from '../../utils/home';

/**
 * NutUI's icons: each is one masked SVG (about 1 KB) drawn in the text colour. On weapp they render a view (app.tsx
 * configures the tag: WeChat has no <i> template), on H5 an <i>; hidden from screen readers, the tile's title says it.
 */
const ICONS = { book: Order, ticket: QrCode, progress: Processing, pay: Wallet, complain: Complaint, weekend: Clock, mail: Mail, phone: Phone } as const;

export function HomeIcon({ icon, size = 26 }: { icon: TileIcon; size?: number }) {
  const Icon = ICONS[icon];
  return (
    <View className='home-icon' aria-hidden>
      <Icon size={size} />
    </View>
  );
}
