import type { ComponentProps } from 'react';
import { Button as NutButton } from '@nutui/nutui-react-taro';

type Props = ComponentProps<typeof NutButton>;

/**
 * NutUI's Button. On H5 Taro draws it as a plain custom element (taro-button-core), which screen readers do not
 * announce and the keyboard cannot reach: give it the button role, a tab stop, and say when it cannot be used.
 */
export function Button(props: Props) {
  if (process.env.TARO_ENV !== 'h5') return <NutButton {...props} />;
  const off = Boolean(props.disabled || props.loading);
  const a11y = { role: 'button', tabIndex: off ? -1 : 0, 'aria-disabled': off || undefined } as Partial<Props>;
  return <NutButton {...a11y} {...props} />;
}
