import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { Hall } from '@jsb/shared';
import { Button } from '../../components/ui';
import { tappable } from '../../utils/a11y';

/** The chosen hall, and the list of all 15 (city hall first) to switch. The choice is remembered. */
export function HallPicker({ halls, current, onChoose }: { halls: readonly Hall[]; current: Hall; onChoose: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='jsb-card booking__hall'>
      <Text className='jsb-muted'>办事大厅</Text>
      <Text className='booking__hall-name'>{current.name}</Text>
      <Text className='jsb-muted'>{current.address}</Text>
      <Text className='jsb-muted'>电话 {current.phone}</Text>
      <Button className='booking__hall-switch' size='small' onClick={() => setOpen(!open)}>
        {open ? '收起大厅列表' : '切换大厅'}
      </Button>
      {open ? (
        <View className='booking__hall-list'>
          {halls.map((h) => (
            <View
              key={h.id}
              className={`booking__hall-option${h.id === current.id ? ' booking__hall-option--on' : ''}`}
              {...tappable('radio', { checked: h.id === current.id })}
              onClick={() => {
                onChoose(h.id);
                setOpen(false);
              }}
            >
              <Text>{h.name}</Text>
              {h.id === current.id ? <Text className='booking__hall-current'>当前</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
