import { View, Text } from '@tarojs/components';
import { bookingWords } from '@jsb/shared';
import type { BookingStanding } from '@jsb/shared';
import { fullDateLabel } from '../../utils/booking-format';

/** The no-shows counted in the rule's window, the warning after the first no-show, and a suspension with its end date. */
const words = bookingWords();

export function StandingNotice({ standing, compact }: { standing: BookingStanding; compact?: boolean }) {
  const suspended = standing.suspendedUntil;
  return (
    <View className='bk-standing'>
      {suspended ? (
        <View className='bk-banner bk-banner--danger'>
          <Text className='bk-banner__title'>网上预约已暂停至 {fullDateLabel(suspended)}</Text>
          <Text>暂停期间可以到大厅现场取号办理；{fullDateLabel(suspended)}之后自动恢复网上预约。</Text>
        </View>
      ) : standing.warning ? (
        <View className='bk-banner bk-banner--warn'>
          <Text className='bk-banner__title'>
            请留意：{words.noShowWindow}您已有 {standing.noShows30d} 次预约未到
          </Text>
          <Text>{standing.rule}</Text>
          <Text>不能前往时，请在开始前{words.cancelLead}以前取消预约。</Text>
        </View>
      ) : null}
      {compact ? null : (
        <View className='bk-standing__facts'>
          <Text>
            {words.noShowWindow}未到次数：{standing.noShows30d}
          </Text>
          <Text>进行中的预约：{standing.activeBookings}</Text>
          {!suspended && !standing.warning ? <Text className='jsb-muted'>{standing.rule}</Text> : null}
        </View>
      )}
    </View>
  );
}
