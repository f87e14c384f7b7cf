import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useStore } from '../../hooks/useStore'
import { elderModeStore } from '../../services/prefs'

/** Root of every page: carries the design tokens (`jsb-page`) and the 长辈版 switch (`jsb-elder`). */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const elder = useStore(elderModeStore)
  useEffect(() => {
    // H5: the tab bar and Taro's dialogs live outside the page; `jsb-elder-root` on <html> lets them follow (app.scss)
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('jsb-elder-root', elder)
  }, [elder])
  const classes = ['jsb-page', elder ? 'jsb-elder' : '', className ?? ''].filter(Boolean).join(' ')
  return <View className={classes}>{children}</View>
}
