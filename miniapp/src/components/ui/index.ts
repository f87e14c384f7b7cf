/**
 * The NutUI components we use. Their stylesheets (NutUI's per-component `style/css`, not the 230 KB bundle) are
 * imported once in app.tsx, ahead of app.scss and every page's styles, so our styles always come after them.
 */

export { Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
// Button with its role and tab stop on H5 (see ./Button)
export { Button } from './Button';
