import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '../../../components/ui'
import { requestReminderSubscription, type SubscribeOutcome } from '../../../services/booking'

/**
 * Reminders one day and one hour before, as WeChat subscription messages. WeChat asks the citizen
 * itself, and only from a tap; H5 has no such API, so it only says where to subscribe.
 */
export function ReminderSubscription() {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null)

  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='jsb-card appt__remind'>
        <Text className='jsb-subtitle'>预约提醒</Text>
        <Text className='jsb-muted'>小程序内可订阅预约提醒（开始前一天和前一小时）。请记好预约时间。</Text>
      </View>
    )
  }

  async function onSubscribe() {
    setOutcome(await requestReminderSubscription())
  }

  return (
    <View className='jsb-card appt__remind'>
      <Text className='jsb-subtitle'>预约提醒</Text>
      {outcome === 'accepted' ? (
        <Text className='appt__remind-ok'>已订阅：开始前一天和前一小时会通过微信提醒您。</Text>
      ) : outcome === 'refused' ? (
        <Text className='jsb-muted'>没有订阅，不会收到提醒；请记好预约时间，也可以再次点击订阅。</Text>
      ) : outcome === 'unavailable' ? (
        <Text className='jsb-muted'>提醒暂未开通，请记好预约时间。</Text>
      ) : (
        <Text className='jsb-muted'>开始前一天和前一小时，通过微信提醒您。</Text>
      )}
      {outcome !== 'accepted' && outcome !== 'unavailable' ? (
        <Button type='primary' fill='outline' block onClick={() => void onSubscribe()}>
          订阅预约提醒
        </Button>
      ) : null}
    </View>
  )
}
