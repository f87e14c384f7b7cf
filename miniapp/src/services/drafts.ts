import Taro from '@tarojs/taro';
import { taroStorage } from '../api/taro-adapters';

/**
 * Drafts: what a citizen typed and chose in a form, kept on the phone until it is sent or discarded (hooks/useDraft).
 * One storage key per form; sign-out clears them all, since they hold one citizen's words.
 */
const PREFIX = 'jsb.draft.';
/** a draft older than this is treated as abandoned */
const KEEP_MS = 30 * 24 * 3600 * 1000;

interface Stored<T> {
  v: T;
  at: number;
}

export function readDraft<T>(key: string): T | null {
  const raw = taroStorage.get(PREFIX + key) as Stored<T> | undefined;
  if (!raw || typeof raw !== 'object' || !('v' in raw) || Date.now() - Number(raw.at) > KEEP_MS) return null;
  return raw.v;
}

export function writeDraft<T>(key: string, value: T): void {
  taroStorage.set(PREFIX + key, { v: value, at: Date.now() } satisfies Stored<T>);
}

export function removeDraft(key: string): void {
  taroStorage.remove(PREFIX + key);
}

export function discardAllDrafts(): void {
  Taro.getStorageInfoSync()
    .keys.filter((k) => k.startsWith(PREFIX))
    .forEach((k) => taroStorage.remove(k));
}
