import { ScrollView, View, Text } from '@tarojs/components';
import type { DayChip } from '../../utils/booking-format';
import { tappable } from '../../utils/a11y';

/** The 8 days from today, each with its kind (工作日 / 调休上班 / 周末 / 节假日 / 闭厅). */
export function WeekView({ days, selected, onSelect }: { days: readonly DayChip[]; selected: string; onSelect: (date: string) => void }) {
  return (
    <ScrollView className='bk-week' scrollX enhanced showScrollbar={false}>
      <View className='bk-week__row'>
        {days.map((d) => {
          const classes = ['bk-day', d.date === selected ? 'bk-day--on' : '', d.closed ? 'bk-day--closed' : '', d.bookable === 0 ? 'bk-day--none' : ''];
          return (
            <View
              key={d.date}
              className={classes.filter(Boolean).join(' ')}
              {...tappable('radio', { checked: d.date === selected })}
              onClick={() => onSelect(d.date)}
            >
              <Text className='bk-day__date'>{d.title}</Text>
              <Text className='bk-day__weekday'>{d.weekday}</Text>
              <Text className='bk-day__kind'>{d.kindLabel}</Text>
              <Text className='bk-day__count'>{d.countText}</Text>
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
