import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listItems, listThemes } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { StateBlock } from '../../components/StateBlock';
import { Button } from '../../components/ui';
import { ItemRow } from '../../components/booking';
import { useLoad } from '../../hooks/useLoad';
import { useStore } from '../../hooks/useStore';
import { chooseHall, currentHall, hallIdStore, loadHalls } from '../../services/booking';
import { APPOINTMENTS, itemUrl, themeUrl } from '../../utils/routes';
import { HallPicker } from './HallPicker';
import { ItemSearch, type Browse } from './ItemSearch';
import { ZoneBrowser } from './ZoneBrowser';
import './index.scss';
import { tappable } from '../../utils/a11y';

export default function Booking() {
  const hallId = useStore(hallIdStore);
  const halls = useLoad(loadHalls, []);
  const themes = useLoad(listThemes, []);
  const [browse, setBrowse] = useState<Browse | null>(null);
  const hall = halls.data ? currentHall(halls.data, hallId) : undefined;

  const items = useLoad(
    () =>
      listItems(
        browse?.kind === 'zone' ? { hallId: hall?.id, zoneId: browse.zoneId } : { hallId: hall?.id, q: browse?.kind === 'search' ? browse.q : undefined },
      ),
    [hall?.id, browse?.kind, browse?.kind === 'zone' ? browse.zoneId : browse?.q],
    Boolean(hall && browse),
  );

  function onChooseHall(id: string) {
    chooseHall(id);
    // a zone of the old hall may not exist at the new one; a search stays meaningful
    if (browse?.kind === 'zone') setBrowse(null);
  }

  const openItem = (id: string) => void Taro.navigateTo({ url: itemUrl(id, hall?.id) });

  // shown right under what the citizen used: the search box, or the zone grid
  const results =
    browse && hall ? (
      <View className='booking__results'>
        {items.status === 'loading' ? <Text className='jsb-muted'>正在查找事项…</Text> : null}
        {items.status === 'error' ? <ErrorNotice error={items.error} onRetry={items.reload} /> : null}
        {items.status === 'ready' && items.data.length === 0 ? (
          <Text className='booking__empty'>
            {browse.kind === 'search'
              ? `${hall.name}没有找到“${browse.q}”相关的事项。可以换个说法（如“营业执照”“户口”），或按专区查找；也可拨打12345咨询。`
              : '这个专区暂时没有可网上预约的事项，可拨打12345咨询。'}
          </Text>
        ) : null}
        {items.status === 'ready' && items.data.length > 0 ? (
          <>
            <Text className='jsb-muted'>找到 {items.data.length} 个事项，点事项查看材料并预约</Text>
            {items.data.map((it) => (
              <ItemRow key={it.id} item={it} onOpen={() => openItem(it.id)} />
            ))}
          </>
        ) : null}
      </View>
    ) : null;

  return (
    <Page className='booking'>
      <View className='booking__mine'>
        <Text className='booking__lead'>选大厅、选事项、选时段，材料一次告知。</Text>
        <Button size='small' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: APPOINTMENTS })}>
          我的预约
        </Button>
      </View>

      {halls.status === 'error' && !halls.data ? <ErrorNotice error={halls.error} retryText='重新加载' onRetry={halls.reload} /> : null}
      {halls.status === 'loading' && !halls.data ? <StateBlock tone='loading' text='正在读取办事大厅…' /> : null}
      {halls.data && hall ? <HallPicker halls={halls.data} current={hall} onChoose={onChooseHall} /> : null}

      {hall ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle'>搜索事项</Text>
          <ItemSearch browse={browse} onBrowse={setBrowse} />
          {browse?.kind === 'search' ? results : null}
          <ZoneBrowser hall={hall} browse={browse} onBrowse={setBrowse} />
          {browse?.kind === 'zone' ? results : null}
        </View>
      ) : null}

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>一链办理</Text>
        <Text className='jsb-muted'>开一家店要办好几个证？选一个主题，材料合并成一张清单。</Text>
        {themes.status === 'loading' ? <Text className='jsb-muted'>正在读取…</Text> : null}
        {themes.status === 'error' ? <ErrorNotice error={themes.error} onRetry={themes.reload} /> : null}
        <View className='booking__themes'>
          {(themes.data ?? []).map((t) => (
            <View
              key={t.id}
              className='booking__theme'
              hoverClass='booking__theme--pressed'
              {...tappable()}
              onClick={() => void Taro.navigateTo({ url: themeUrl(t.id, hall?.id) })}
            >
              <Text className='booking__theme-name'>{t.name}</Text>
              <Text className='booking__theme-desc'>{t.description}</Text>
              <Text className='booking__theme-count'>含 {t.itemIds.length} 个事项</Text>
            </View>
          ))}
        </View>
      </View>
    </Page>
  );
}
