import { View, Text } from '@tarojs/components';
import type { Material, MergedMaterial } from '@jsb/shared';
import { materialForm } from '../../utils/booking-format';
import { tappable } from '../../utils/a11y';

interface Props {
  materials: readonly (Material | MergedMaterial)[];
  /** confirm page: a 我已备齐 check per line */
  checked?: readonly boolean[];
  onToggle?: (index: number) => void;
}

/** The complete material list (一次告知): every line with its form, count, whether required, and notes. */
export function MaterialList({ materials, checked, onToggle }: Props) {
  if (materials.length === 0) {
    return <Text className='jsb-muted'>这个事项不需要提交材料，带上身份证即可。</Text>;
  }
  return (
    <View className='bk-materials'>
      {materials.map((m, i) => {
        const forItems = 'forItems' in m ? m.forItems : null;
        const producedBy = 'producedBy' in m ? m.producedBy : undefined;
        const done = checked?.[i] === true;
        return (
          <View key={`${m.name}-${i}`} className={`bk-material${done ? ' bk-material--done' : ''}`}>
            <View className='bk-material__head'>
              <Text className='bk-material__no'>{i + 1}.</Text>
              <Text className='bk-material__name'>{m.name}</Text>
            </View>
            <View className='bk-material__facts'>
              <Text className='bk-tag'>{materialForm(m)}</Text>
              {producedBy ? (
                <Text className='bk-tag bk-tag--made'>第{producedBy.step}步办结后取得</Text>
              ) : (
                <Text className={m.required ? 'bk-tag bk-tag--must' : 'bk-tag'}>{m.required ? '必交' : '如有则交'}</Text>
              )}
            </View>
            {producedBy ? (
              <Text className='bk-material__note'>
                由第{producedBy.step}步「{producedBy.name}」发给您，不用另外准备。
              </Text>
            ) : null}
            {m.note ? <Text className='bk-material__note'>{m.note}</Text> : null}
            {forItems && forItems.length ? <Text className='bk-material__for'>用于：{forItems.map((f) => f.name).join('、')}</Text> : null}
            {onToggle ? (
              <View className={`bk-check${done ? ' bk-check--on' : ''}`} {...tappable('checkbox', { checked: done })} onClick={() => onToggle(i)}>
                <Text className='bk-check__box'>{done ? '✓' : ''}</Text>
                <Text className='bk-check__label'>我已备齐</Text>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
