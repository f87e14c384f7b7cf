import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';

/** One labelled line of a summary (事项, 大厅, 日期, 时间 …). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='bk-fact'>
      <Text className='bk-fact__label'>{label}</Text>
      <Text className='bk-fact__value'>{children}</Text>
    </View>
  );
}
