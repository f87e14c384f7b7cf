/**
 * The NutUI components we use, each with its own compiled stylesheet (not the 230 KB bundle).
 * Per-component `style/css` is NutUI's on-demand entry; its CSS reads our tokens (app.scss).
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'

export { Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
// Button with its role and tab stop on H5 (see ./Button)
export { Button } from './Button'
