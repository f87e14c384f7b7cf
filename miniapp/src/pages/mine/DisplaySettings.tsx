import { View, Text } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useStore } from '../../hooks/useStore';
import { elderModeStore, setElderMode } from '../../services/prefs';

export function DisplaySettings() {
  const elder = useStore(elderModeStore);
  return (
    <View className='jsb-card mine__display'>
      <Text className='jsb-subtitle'>显示设置</Text>
      <Text className='jsb-muted'>{elder ? '已开启长辈版：字更大，按钮更大。' : '字太小看不清？可以开启长辈版。'}</Text>
      <Button block onClick={() => setElderMode(!elder)}>
        {elder ? '关闭长辈版' : '开启长辈版（大字）'}
      </Button>
    </View>
  );
}
