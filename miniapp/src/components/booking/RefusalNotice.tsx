import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { NearestSlot } from '@jsb/shared';
import { SLOT_KIND_LABEL } from '@jsb/shared';
import { Button } from '../ui';
import { dateLabel, timeRange } from '../../utils/booking-format';
import type { RefusalView } from '../../utils/booking-refusal';
import { APPOINTMENTS, BOOKING_TAB, MINE_TAB, REAL_NAME } from '../../utils/routes';
import { tappable } from '../../utils/a11y';

interface Props {
  view: RefusalView;
  /** SLOT_FULL: the citizen picked one of the nearest free slots */
  onNearest?: (slot: NearestSlot) => void;
  onReselect?: () => void;
  onRetry?: () => void;
  /** the request id, for 12345 when the server failed */
  requestRef?: string;
}

/** A refused booking action: what happened, what to do next, and the buttons that do it. */
export function RefusalNotice({ view, onNearest, onReselect, onRetry, requestRef }: Props) {
  const action = (() => {
    switch (view.action) {
      case 'real-name':
        return { text: '去实名认证', run: () => void Taro.navigateTo({ url: REAL_NAME }) };
      case 'sign-in':
        return { text: '去登录', run: () => void Taro.switchTab({ url: MINE_TAB }) };
      case 'appointments':
        return { text: '查看我的预约', run: () => void Taro.navigateTo({ url: APPOINTMENTS }) };
      case 'change-hall':
        return { text: '换一个大厅', run: () => void Taro.switchTab({ url: BOOKING_TAB }) };
      case 'reselect':
        return onReselect ? { text: '重新选择时段', run: onReselect } : null;
      case 'retry':
        return onRetry ? { text: '重试', run: onRetry } : null;
      default:
        return null;
    }
  })();

  return (
    <View className='jsb-error bk-refusal'>
      <Text className='jsb-error__message'>{view.message}</Text>
      <Text className='jsb-error__hint'>{view.hint}</Text>
      {view.facts.map((f) => (
        <Text key={f} className='jsb-error__hint'>
          {f}
        </Text>
      ))}
      {requestRef ? <Text className='jsb-error__ref'>问题编号：{requestRef}</Text> : null}
      {view.nearest.length && onNearest ? (
        <View className='bk-nearest'>
          <Text className='bk-nearest__title'>最近的空余时段，点一下即可改选：</Text>
          {view.nearest.map((n) => (
            <View key={n.slotId} className='bk-nearest__slot' hoverClass='bk-nearest__slot--pressed' {...tappable()} onClick={() => onNearest(n)}>
              <Text className='bk-nearest__when'>{`${dateLabel(n.date)} ${timeRange(n.start, n.end)}`}</Text>
              <Text className='bk-nearest__kind'>{`${SLOT_KIND_LABEL[n.kind]} · 余${n.remaining}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {action ? (
        <Button className='jsb-error__retry' type='primary' fill='outline' onClick={action.run}>
          {action.text}
        </Button>
      ) : null}
    </View>
  );
}
