import { taroStorage } from '../api/taro-adapters';
import { session } from '../api';
import { randomString } from '../utils/random';
import { createStore } from '../utils/store';
import { checkDevOpenid } from '../utils/validate';

/**
 * H5 development sign-in only. H5 has no wx.login, so the bff's /__dev/login-code makes a WeChat-mock code
 * for a test openid. The openid is kept in storage so the same test citizen comes back after a reload.
 */
const KEY = 'jsb.devOpenid';

/** the last openid chosen in this run, so every view of it updates (null: not chosen yet, read storage) */
export const devOpenidStore = createStore<string | null>(null);

export function getDevOpenid(): string {
  const stored = taroStorage.get(KEY);
  if (typeof stored === 'string' && !checkDevOpenid(stored)) return stored;
  const openid = `h5dev_${randomString(12)}`;
  taroStorage.set(KEY, openid);
  return openid;
}

/**
 * Chooses the test citizen (from `?openid=` or the input on 我的). A different openid is a different
 * citizen, so the current session ends. Returns a problem sentence, or null when done.
 */
export function chooseDevOpenid(raw: string): string | null {
  const openid = raw.trim();
  const problem = checkDevOpenid(openid);
  if (problem) return problem;
  if (openid !== getDevOpenid()) {
    taroStorage.set(KEY, openid);
    if (session.get()) session.clear();
  }
  devOpenidStore.set(openid);
  return null;
}
