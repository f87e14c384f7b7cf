import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { loadMe } from './services/me'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // fills 我的 early; pages reload it when shown, so a failure here costs nothing
    void loadMe()
  })
  return children
}

export default App
