import { View, Text } from '@tarojs/components';
import type { Slot } from '@jsb/shared';
import { groupSlotsByKind, slotStateText, timeRange } from '../../utils/booking-format';
import { tappable } from '../../utils/a11y';

const KIND_NOTE: Record<Slot['kind'], string> = {
  regular: '工作日上午、下午的正常办公时间',
  'after-hours': '中午和傍晚，仅限预约',
  weekend: '周末和节假日上午，仅限预约',
};

/** A day's slots grouped by kind; a slot that cannot be booked is shown greyed out with the reason. */
export function SlotGrid({ slots, onPick, currentId }: { slots: readonly Slot[]; onPick: (slot: Slot) => void; currentId?: string }) {
  return (
    <View className='bk-slots'>
      {groupSlotsByKind(slots).map((g) => (
        <View key={g.kind} className={`bk-slot-group bk-slot-group--${g.kind}`}>
          <View className='bk-slot-group__head'>
            <Text className='bk-slot-group__label'>{g.label}</Text>
            <Text className='bk-slot-group__note'>{KIND_NOTE[g.kind]}</Text>
          </View>
          <View className='bk-slot-group__grid'>
            {g.slots.map((s) => {
              // reschedule: the slot the appointment holds now is not a choice
              const current = s.id === currentId;
              const open = s.bookable && !current;
              return (
                <View
                  key={s.id}
                  className={`bk-slot${open ? '' : ' bk-slot--off'}${current ? ' bk-slot--current' : ''}`}
                  hoverClass={open ? 'bk-slot--pressed' : 'none'}
                  {...tappable('button', { disabled: !open })}
                  onClick={open ? () => onPick(s) : undefined}
                >
                  <Text className='bk-slot__time'>{timeRange(s.start, s.end)}</Text>
                  <Text className='bk-slot__state'>{current ? '当前预约' : slotStateText(s)}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
