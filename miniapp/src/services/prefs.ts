import { taroStorage } from '../api/taro-adapters';
import { createStore } from '../utils/store';

/** 长辈版 (elderly mode): larger text and touch targets, switched in 我的 and kept across launches. */
const KEY = 'jsb.elderMode';

export const elderModeStore = createStore<boolean>(taroStorage.get(KEY) === true);

export function setElderMode(on: boolean): void {
  taroStorage.set(KEY, on);
  elderModeStore.set(on);
}
