import Taro from '@tarojs/taro';
import type { KeyValueStorage } from './session';
import type { Transport } from './client';

/** Taro.request resolves for every HTTP status and rejects when no response came (offline, timeout, DNS). */
export const taroTransport: Transport = async (req) => {
  const res = await Taro.request({
    url: req.url,
    method: req.method,
    header: req.header,
    data: req.data,
    timeout: req.timeoutMs,
    dataType: 'json',
    responseType: 'text',
  });
  return { statusCode: res.statusCode, data: res.data, header: (res.header ?? {}) as Record<string, unknown> };
};

/** Taro storage, synchronous so that the first render already knows whether the citizen is signed in. */
export const taroStorage: KeyValueStorage = {
  get(key) {
    try {
      const v: unknown = Taro.getStorageSync(key);
      return v === '' ? undefined : v;
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    Taro.removeStorageSync(key);
  },
};
