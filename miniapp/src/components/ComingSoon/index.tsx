import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '../ui'
import './index.scss'

interface Props {
  title: string
  /** what this page will do */
  promise: string
  /** what the citizen can do today instead */
  meanwhile: readonly string[]
}

function call12345() {
  Taro.makePhoneCall({ phoneNumber: '12345' }).catch(() => {
    void Taro.showModal({
      title: '没有拨出电话',
      content: '请用手机直接拨打 12345 政务服务便民热线。',
      showCancel: false,
      confirmText: '知道了',
    })
  })
}

/** A page whose service is not online yet: says so, and what to do meanwhile (只说 Yes, 不说 No). */
export function ComingSoon({ title, promise, meanwhile }: Props) {
  return (
    <View className='soon'>
      <View className='jsb-card'>
        <Text className='soon__badge'>即将开放</Text>
        <Text className='soon__title'>{title}</Text>
        <Text className='soon__promise'>{promise}</Text>
      </View>
      <View className='jsb-card'>
        <Text className='jsb-subtitle'>现在您可以</Text>
        {meanwhile.map((line) => (
          <View key={line} className='soon__item'>
            <Text>{line}</Text>
          </View>
        ))}
        <Button className='soon__call' type='primary' size='large' block onClick={call12345}>
          拨打 12345 咨询
        </Button>
      </View>
    </View>
  )
}
