import { useEffect, type ReactNode } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useStore } from '../../hooks/useStore';
import { elderModeStore } from '../../services/prefs';
import { currentTabStore } from '../../services/tabs';
import { isTabRoute } from '../../tabs';
import { TitleBar } from './TitleBar';

/** Root of every page: carries the design tokens (`jsb-page`) and the 长辈版 switch (`jsb-elder`). */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const elder = useStore(elderModeStore);
  const route = useRouter().path.replace(/^\//, '').split('?')[0] ?? '';
  const tab = isTabRoute(route);
  useDidShow(() => {
    // the weapp custom tab bar marks the tab on screen (services/tabs)
    if (tab) currentTabStore.set(route);
  });
  useEffect(() => {
    // H5: the tab bar and Taro's dialogs live outside the page; `jsb-elder-root` on <html> lets them follow (app.scss)
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('jsb-elder-root', elder);
  }, [elder]);
  // weapp: the custom tab bar is fixed over the page's bottom; the page keeps that much room free
  const underTabBar = process.env.TARO_ENV === 'weapp' && tab ? 'jsb-page--tabbed' : '';
  const classes = ['jsb-page', elder ? 'jsb-elder' : '', underTabBar, className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {process.env.TARO_ENV === 'h5' ? <TitleBar tab={tab} /> : null}
      {children}
    </View>
  );
}
