import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { complaintWords } from '@jsb/shared';
import { Button } from '../ui';
import { COMPLAINT_LIST, COMPLAINT_NEW } from '../../utils/complaint-format';

/** 找茬 on 我的: report a problem, or follow the ones already reported. */
export function ComplaintsEntry() {
  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle'>找茬</Text>
      <View className='jsb-section'>
        <Text className='jsb-muted'>窗口说"No"、办事不顺、设备坏了，都可以反映；{complaintWords().promise}。</Text>
      </View>
      <Button type='primary' block onClick={() => void Taro.navigateTo({ url: COMPLAINT_NEW })}>
        我要找茬
      </Button>
      <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: COMPLAINT_LIST })}>
        我的找茬
      </Button>
    </View>
  );
}
