import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Me } from '@jsb/shared';
import { listMyAppointments } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { dateLabel, nextBooked, timeRange } from '../../utils/booking-format';
import { appointmentUrl, BOOKING_TAB } from '../../utils/routes';
import { tappable } from '../../utils/a11y';

/** 我的 opens with who is signed in and what comes next for them: the next appointment, one tap from its ticket. */
export function Greeting({ me }: { me: Me }) {
  const verified = Boolean(me.realName?.verified);
  const list = useLoad(listMyAppointments, [], verified);
  useReshow(() => list.reload());
  const next = list.data ? nextBooked(list.data) : undefined;
  return (
    <View className='jsb-card mine__greeting'>
      <Text className='jsb-title'>{me.realName ? `${me.realName.nameMasked}，您好` : '您好'}</Text>
      {!verified ? <Text className='jsb-muted'>完成实名认证后，您的预约、办件和缴费会显示在这里。</Text> : null}
      {next ? (
        <View className='mine__next' hoverClass='mine__next--pressed' {...tappable()} onClick={() => void Taro.navigateTo({ url: appointmentUrl(next.id) })}>
          <Text className='mine__next-label'>下一个预约</Text>
          <Text className='mine__next-what'>{next.itemName}</Text>
          <Text className='mine__next-when'>
            {dateLabel(next.date)} {timeRange(next.start, next.end)} · {next.hallName}
          </Text>
          <Text className='jsb-link'>出示签到码</Text>
        </View>
      ) : verified && list.data ? (
        <View className='mine__next'>
          <Text className='jsb-muted'>近期没有预约。</Text>
          <Text className='jsb-link' {...tappable()} onClick={() => void Taro.switchTab({ url: BOOKING_TAB })}>
            去预约办事
          </Text>
        </View>
      ) : null}
    </View>
  );
}
