import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Page } from '../../components/Page'
import { PROMISE_TILES, type PromiseTile } from '../../utils/home'
import './index.scss'
import { tappable } from '../../utils/a11y'

function open(tile: PromiseTile) {
  const t = tile.target
  if (t.kind === 'tab') {
    void Taro.switchTab({ url: t.url })
  } else if (t.kind === 'page') {
    void Taro.navigateTo({ url: t.url })
  } else {
    void Taro.showModal({ title: t.what, content: t.meanwhile, showCancel: false, confirmText: '知道了' })
  }
}

export default function Home() {
  return (
    <Page className='home'>
      <View className='home__brand'>
        <Text className='home__name'>济时办</Text>
        <Text className='home__tagline'>济宁市为民服务中心 · 掌上办事</Text>
        <Text className='home__promise'>一窗受理 · 一次办好</Text>
      </View>

      <View className='home__tiles'>
        {PROMISE_TILES.map((tile) => (
          <View key={tile.title} className='home__tile' hoverClass='home__tile--pressed' {...tappable()} onClick={() => open(tile)}>
            <Text className='home__tile-title'>{tile.title}</Text>
            <Text className='home__tile-text'>{tile.text}</Text>
          </View>
        ))}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>办事遇到问题？</Text>
        <View>
          <Text>拨打 12345 政务服务便民热线，咨询、求助、投诉都可以。</Text>
        </View>
      </View>
    </Page>
  )
}
