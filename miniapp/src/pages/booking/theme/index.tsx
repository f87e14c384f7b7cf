import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { getTheme } from '../../../api'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Page } from '../../../components/Page'
import { StateBlock } from '../../../components/StateBlock'
import { Button } from '../../../components/ui'
import { ItemRow, MaterialList } from '../../../components/booking'
import { useLoad } from '../../../hooks/useLoad'
import { useStore } from '../../../hooks/useStore'
import { currentHall, hallIdStore, loadHalls } from '../../../services/booking'
import { itemUrl, param, slotsUrl } from '../../../utils/routes'
import './index.scss'

/** 一链办理: one merged checklist for several items (each line says which items need it), then the items. */
export default function ThemePage() {
  const params = useRouter().params
  const id = param(params.id)
  const storedHallId = useStore(hallIdStore)
  const hallId = param(params.hallId) || storedHallId
  const theme = useLoad(() => getTheme(id), [id], Boolean(id))
  const halls = useLoad(loadHalls, [])
  const hall = halls.data ? currentHall(halls.data, hallId) : undefined

  if (!id) return <Page><StateBlock text='没有指定主题，请回到预约页重新选择。' /></Page>
  if (theme.status === 'error' && !theme.data) {
    return (
      <Page>
        <ErrorNotice error={theme.error} retryText='重新加载' onRetry={theme.reload} />
      </Page>
    )
  }
  if (!theme.data) return <Page><StateBlock tone='loading' text='正在读取…' /></Page>
  const t = theme.data

  return (
    <Page className='theme'>
      <View className='jsb-card'>
        <Text className='jsb-title'>{t.name}</Text>
        <Text className='theme__desc'>{t.description}</Text>
        <Text className='jsb-muted'>共 {t.items.length} 个事项、{t.materials.length} 项材料；同一份材料只需准备一次。</Text>
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>合并材料清单（一次告知）</Text>
        <MaterialList materials={t.materials} />
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>包含的事项</Text>
        <Text className='jsb-muted'>每个事项分别预约；可以约在同一天的相邻时段。</Text>
        {t.items.map((it) => (
          <View key={it.id} className='theme__item'>
            <ItemRow item={it} onOpen={() => void Taro.navigateTo({ url: itemUrl(it.id, hall?.id) })} />
            <Button
              type='primary'
              fill='outline'
              block
              disabled={!hall}
              onClick={() => hall && void Taro.navigateTo({ url: slotsUrl({ itemId: it.id, hallId: hall.id }) })}
            >
              预约办理
            </Button>
          </View>
        ))}
        {hall ? <Text className='jsb-muted theme__hall'>预约大厅：{hall.name}（可在预约页切换）</Text> : null}
        {halls.status === 'error' ? <ErrorNotice error={halls.error} onRetry={halls.reload} /> : null}
      </View>
    </Page>
  )
}
