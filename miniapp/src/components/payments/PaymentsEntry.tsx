import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '../ui';
import { PAYMENT_HISTORY, PAYMENTS } from '../../utils/payment-format';

/** 缴费 on 我的: pay fees and utility bills, or look at receipts. */
export function PaymentsEntry() {
  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle'>缴费</Text>
      <View className='jsb-section'>
        <Text className='jsb-muted'>办件费用、水费、电费、燃气费，用微信支付；缴费后可查看电子凭证。</Text>
      </View>
      <Button type='primary' block onClick={() => void Taro.navigateTo({ url: PAYMENTS })}>
        去缴费
      </Button>
      <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: PAYMENT_HISTORY })}>
        缴费记录
      </Button>
    </View>
  );
}
