import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '../ui'
import { MINE_TAB } from '../../utils/routes'

/** Shown instead of a page that needs a signed-in citizen: why, and one button to sign in. */
export function SignInRequired({ why }: { why: string }) {
  return (
    <View className='jsb-card jsb-signin-required'>
      <Text className='jsb-subtitle'>请先登录</Text>
      <View className='jsb-section'>
        <Text>{why}</Text>
      </View>
      <Button type='primary' size='large' block onClick={() => void Taro.switchTab({ url: MINE_TAB })}>
        去登录
      </Button>
    </View>
  )
}
