import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { loadMe } from './services/me';
// NutUI's styles for the components we use (components/ui), first: app.scss and the pages' styles override them, in
// the same order on every page (imported per page, the weapp build could not keep one order across its chunks)
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import './app.scss';

// NutUI's icons (Button's loading spinner, Input's clear button) render an <i> by default, and Taro's weapp
// templates have no `i`: WeChat drops them ("Template 'tmpl_0_i' not found"). A view draws the same masked SVG.
if (process.env.TARO_ENV !== 'h5') configureIcons({ tag: 'view' });

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // fills 我的 early; pages reload it when shown, so a failure here costs nothing
    void loadMe();
  });
  return children;
}

export default App;
