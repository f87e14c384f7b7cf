import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Page } from '../../components/Page';
import { ElderHome, go, HelpCard, HomeSearch, IconGrid, MailingPanel, ThemesCard, TodoStrip, useHomeTodos, WeekendPanel } from '../../components/home';
import { useStore } from '../../hooks/useStore';
import { elderModeStore, setElderMode } from '../../services/prefs';
import { tappable } from '../../utils/a11y';
import { buildTodos, HOTLINE, nextAppointment, type HomePanel, type HomeTarget } from '../../utils/home';

/**
 * 首页: search first, the icon grid, 我的待办 (the next ticket in one tap), 一链办理, hours and 12345.
 * In 长辈版 a home of its own: five big actions.
 */
export default function Home() {
  const elder = useStore(elderModeStore);
  const { signedIn, todos } = useHomeTodos();
  const [panel, setPanel] = useState<HomePanel | null>(null);
  const now = new Date();
  const list = todos.data ? buildTodos(todos.data, now) : [];
  const next = todos.data?.appointments ? nextAppointment(todos.data.appointments, now) : null;

  const onTarget = (t: HomeTarget) => {
    if (t.kind === 'panel') setPanel((p) => (p === t.panel ? null : t.panel));
    else go(t);
  };

  if (elder) {
    return (
      <Page className='home home--elder'>
        <ElderHome signedIn={signedIn} todos={list} next={next} onTarget={onTarget} onElderOff={() => setElderMode(false)} />
      </Page>
    );
  }

  return (
    <Page className='home'>
      <View className='home__head'>
        <View className='home__brand'>
          <Text className='home__name'>济时办</Text>
          <Text className='home__tagline'>济宁市为民服务中心 · 一次办好</Text>
        </View>
        <View className='home__elder-switch' hoverClass='home-result--pressed' {...tappable('switch', { checked: false })} onClick={() => setElderMode(true)}>
          <Text>长辈版</Text>
        </View>
      </View>
      <HomeSearch onTarget={onTarget} />
      <IconGrid open={panel} onTarget={onTarget} />
      {panel === 'weekend' ? <WeekendPanel /> : null}
      {panel === 'mailing' ? <MailingPanel cases={todos.data?.cases ?? null} /> : null}
      <TodoStrip signedIn={signedIn} data={todos} todos={list} onTarget={onTarget} />
      <ThemesCard />
      <HelpCard onCall={() => go({ kind: 'call', number: HOTLINE })} />
    </Page>
  );
}
