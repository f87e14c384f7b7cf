import { View, Text } from '@tarojs/components';
import { tappable } from '../../utils/a11y';
import {
  elderCaption,
  elderTicketTarget,
  ELDER_ACTIONS,
  HOTLINE,
  type AppointmentForHome,
  type ElderAction,
  type HomeTarget,
  type Todo,
} from '../../utils/home';
import { BOOKING_TAB } from '../../utils/routes';
import { PROGRESS_TAB } from '../../utils/case-routes';
import { PAYMENTS } from '../../utils/payment-format';

interface Props {
  signedIn: boolean;
  todos: readonly Todo[];
  next: AppointmentForHome | null;
  onTarget: (t: HomeTarget) => void;
  onElderOff: () => void;
}

/**
 * 长辈版 首页: five big actions and nothing else to read through. Each says in one line what it does for this
 * citizen now (签到码: the next appointment, opened in one tap). Text ≥ 18 px, targets ≥ 60 px, no icons or shadows.
 */
export function ElderHome({ signedIn, todos, next, onTarget, onElderOff }: Props) {
  const target = (key: ElderAction): HomeTarget => {
    switch (key) {
      case 'book':
        return { kind: 'tab', url: BOOKING_TAB };
      case 'ticket':
        return elderTicketTarget({ signedIn, next });
      case 'progress':
        return { kind: 'tab', url: PROGRESS_TAB };
      case 'pay':
        return { kind: 'page', url: PAYMENTS };
      case 'call':
        return { kind: 'call', number: HOTLINE };
    }
  };
  return (
    <View className='home-elder'>
      <Text className='home-elder__hello'>济时办 · 您要办什么？</Text>
      {ELDER_ACTIONS.map((a) => (
        <View
          key={a.key}
          className={`home-elder__action home-elder__action--${a.key}`}
          hoverClass='home-elder__action--pressed'
          {...tappable()}
          onClick={() => onTarget(target(a.key))}
        >
          <Text className='home-elder__title'>{a.title}</Text>
          <Text className='home-elder__caption'>{elderCaption(a.key, { signedIn, todos, next })}</Text>
        </View>
      ))}
      <View className='home-elder__off' hoverClass='home-elder__action--pressed' {...tappable()} onClick={onElderOff}>
        <Text className='home-elder__caption'>关闭长辈版，回到标准版</Text>
      </View>
    </View>
  );
}
