import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Runs `fn` when the page is shown again (back from another page), not on its first show. */
export function useReshow(fn: () => void): void {
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    fn();
  });
}
