import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Button } from '../../components/ui';
import { StandingNotice } from '../../components/booking';
import { useStore } from '../../hooks/useStore';
import { loadStanding, standingStore } from '../../services/booking';
import { APPOINTMENTS } from '../../utils/routes';

/** 我的 › 预约: the no-show counter, a warning after the first, a suspension with its end date, and 我的预约. */
export function BookingStanding() {
  const state = useStore(standingStore);
  return (
    <View className='jsb-card mine__booking'>
      <Text className='jsb-subtitle'>预约办事</Text>
      {state.status === 'loading' && !state.standing ? <Text className='jsb-muted'>正在读取预约记录…</Text> : null}
      {state.status === 'error' && state.error.code === 'REAL_NAME_REQUIRED' ? (
        <Text className='jsb-muted'>完成实名认证后即可网上预约；这里会显示您的预约记录和未到次数。</Text>
      ) : null}
      {state.status === 'error' && state.error.code !== 'REAL_NAME_REQUIRED' ? (
        <ErrorNotice error={state.error} retryText='重新加载' onRetry={() => void loadStanding()} />
      ) : null}
      {state.status !== 'idle' && state.standing ? <StandingNotice standing={state.standing} /> : null}
      <Button type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: APPOINTMENTS })}>
        我的预约
      </Button>
    </View>
  );
}
