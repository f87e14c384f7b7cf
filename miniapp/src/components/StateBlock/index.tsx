import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';

/** Loading and empty states: one sentence, and for an empty state what to do instead. */
export function StateBlock({ text, children, tone }: { text: string; children?: ReactNode; tone?: 'loading' | 'empty' }) {
  return (
    <View className={`jsb-state jsb-state--${tone ?? 'empty'}`}>
      <Text className='jsb-state__text'>{text}</Text>
      {children}
    </View>
  );
}
