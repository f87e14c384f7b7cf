/**
 * The `wx` object a WeChat client gives the mini-program, for the weapp runtime host: its network is real (HTTP to the
 * bff and the mocks on 127.0.0.1, the app's https domain mapped onto the bff as a DNS entry would), wx.login and
 * getPhoneNumber codes come from the WeChat mock, wx.requestPayment goes through the WeChat Pay mock's pay sheet,
 * storage lives on the Device. Callback conventions follow WeChat: success/fail/complete with `errMsg`, called
 * asynchronously; `fail` carries `<api>:fail <reason>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cameraPhoto, type Device, type SheetAnswer } from './device';

export interface WxUpstreams {
  /** https origins the app may call (its 合法域名), each mapped to a local server */
  domains: Record<string, string>;
  wechatUrl: string;
  wxpayUrl: string;
  /** the mini-program's appid, as WeChat knows the app it runs */
  appid: string;
}

/** What the host (page stack, screen) does for the wx functions that navigate or draw. */
export interface WxHost {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  setTitle(title: string): void;
  toast(t: { title: string; icon: string; duration: number }): void;
  hideToast(): void;
  /** shows WeChat's modal and resolves with the button the citizen taps */
  modal(m: { title: string; content: string; showCancel: boolean; confirmText: string; cancelText: string }): Promise<'confirm' | 'cancel'>;
  previewImage(urls: string[]): void;
  launchOptions(): { path: string; query: Record<string, string>; scene: number };
  warn(message: string): void;
}

type Callbacks = { success?: (r: object) => void; fail?: (e: { errMsg: string }) => void; complete?: (r: object) => void };
type Opts = Callbacks & Record<string, unknown>;

class WxFail extends Error {}

/**
 * Runs an async API body and reports as WeChat does: through success/fail/complete a tick later; or, when the options
 * carry none of them, as a Promise (WeChat's base library since 2.10.2 promisifies its async APIs; Taro 4 passes
 * some, e.g. chooseMedia, through unwrapped and relies on it).
 */
function callback<T extends object>(name: string, o: Opts | undefined, body: () => Promise<T>): Promise<T & { errMsg: string }> | undefined {
  const opts = o ?? {};
  if (process.env.JSB_WEAPP_TRACE) process.stdout.write(`wx.${name}\n`);
  const settled = body().then(
    (r) => {
      const res = { ...r, errMsg: `${name}:ok` };
      if (process.env.JSB_WEAPP_TRACE) process.stdout.write(`wx.${name} → ok ${JSON.stringify(res).slice(0, 200)}\n`);
      return res;
    },
    (err: unknown) => {
      const res = { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
      if (process.env.JSB_WEAPP_TRACE) process.stdout.write(`wx.${name} → ${res.errMsg}\n`);
      throw res;
    },
  );
  if (!opts.success && !opts.fail && !opts.complete) return settled;
  settled.then(
    (res) =>
      setTimeout(() => {
        opts.success?.(res);
        opts.complete?.(res);
      }, 0),
    (res: { errMsg: string }) =>
      setTimeout(() => {
        opts.fail?.(res);
        opts.complete?.(res);
      }, 0),
  );
  return undefined;
}

/** A task API's Promise (when called without callbacks) that nobody reads must not become an unhandled rejection. */
const quiet = (p: Promise<unknown> | undefined) => void p?.catch(() => undefined);

const SYSTEM = {
  brand: 'devtools',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.5',
  platform: 'ios',
  SDKVersion: '3.5.8',
  fontSizeSetting: 16,
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
  theme: 'light',
};

export function createWx(device: Device, up: WxUpstreams, host: WxHost): Record<string, unknown> {
  /** the local URL behind an https URL of an allowed domain; WeChat refuses anything else */
  function route(url: string): string {
    const u = new URL(url);
    const local = up.domains[u.origin];
    if (!local) throw new WxFail(`url not in domain list: ${u.origin}`);
    return local + u.pathname + u.search;
  }

  function tempPath(ext: string, bytes: Buffer): string {
    const name = `tmp_${randomBytes(8).toString('hex')}${ext}`;
    const file = path.join(device.tmpDir, name);
    writeFileSync(file, bytes);
    const p = `wxfile://${name}`;
    device.files.set(p, file);
    return p;
  }

  function readTemp(p: string): Buffer {
    const file = device.files.get(p);
    if (!file) throw new WxFail(`file not found: ${p}`);
    return readFileSync(file);
  }

  async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new WxFail(String(json.errMsg ?? json.message ?? `HTTP ${res.status}`).replace(/^requestPayment:fail /, ''));
    return json;
  }

  function headersOf(res: Response): Record<string, string> {
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    return out;
  }

  /** WeChat's RequestTask / UploadTask / DownloadTask, and what the host calls when the body went out */
  function task(abort: AbortController) {
    const listeners: ((p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void)[] = [];
    const handle = {
      abort: () => abort.abort(),
      onProgressUpdate: (fn: (typeof listeners)[number]) => void listeners.push(fn),
      offProgressUpdate: () => void (listeners.length = 0),
      onHeadersReceived: () => {},
      offHeadersReceived: () => {},
    };
    /** fetch reports no upload progress: one 100 % when the body went out */
    const sent = (bytes: number) => listeners.forEach((l) => l({ progress: 100, totalBytesSent: bytes, totalBytesExpectedToSend: bytes }));
    return { handle, sent };
  }

  const storage = {
    get: (key: string): unknown => {
      const raw = device.storage.get(key);
      return raw === undefined ? '' : JSON.parse(raw);
    },
    set: (key: string, value: unknown) => {
      if (value === undefined) throw new WxFail('parameter error: data should not be undefined');
      device.storage.set(key, JSON.stringify(value));
    },
  };

  const answerFor = (id: string): SheetAnswer =>
    typeof device.subscribeAnswer === 'string' ? device.subscribeAnswer : (device.subscribeAnswer[id] ?? 'reject');

  const wx: Record<string, unknown> = {
    // ── network ─────────────────────────────────────────────────────────────────────────────
    request(o: Opts) {
      const abort = new AbortController();
      const { handle } = task(abort);
      // a task API: WeChat returns the task, never a Promise, so a failure without callbacks goes nowhere
      quiet(
        callback('request', o, async () => {
          const method = String(o.method ?? 'GET').toUpperCase();
          // WeChat sends JSON unless told otherwise; header names are case-insensitive
          const header: Record<string, string> = { 'content-type': 'application/json' };
          for (const [k, v] of Object.entries((o.header as Record<string, string>) ?? {})) header[k.toLowerCase()] = String(v);
          const contentType = header['content-type'] ?? '';
          let url = route(String(o.url));
          let body: string | undefined;
          const data = o.data;
          if (method === 'GET' && data && typeof data === 'object') {
            const q = new URLSearchParams(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
            if (q) url += (url.includes('?') ? '&' : '?') + q;
          } else if (data !== undefined && method !== 'GET') {
            body =
              typeof data === 'string'
                ? data
                : contentType.includes('x-www-form-urlencoded')
                  ? new URLSearchParams(data as Record<string, string>).toString()
                  : JSON.stringify(data);
          }
          const timeout = AbortSignal.timeout(Number(o.timeout ?? 60_000));
          const held = device.held.find((x) => x.path.test(new URL(url).pathname));
          if (held) await held.until;
          let res: Response;
          try {
            res = await fetch(url, { method, headers: header, body, signal: AbortSignal.any([abort.signal, timeout]) });
          } catch (err) {
            throw new WxFail(timeout.aborted ? 'timeout' : abort.signal.aborted ? 'abort' : (err as Error).message);
          }
          const text = await res.text();
          // JSB_WEAPP_TRACE=1 shows the app's traffic while writing a test
          if (process.env.JSB_WEAPP_TRACE) process.stdout.write(`wx.request ${method} ${url} ${body ?? ''} → ${res.status} ${text.slice(0, 300)}\n`);
          let parsed: unknown = text;
          if ((o.dataType ?? 'json') === 'json') {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          return { data: parsed, statusCode: res.status, header: headersOf(res), cookies: [] };
        }),
      );
      return handle;
    },
    uploadFile(o: Opts) {
      const abort = new AbortController();
      const { handle, sent } = task(abort);
      // a task API: WeChat returns the task, never a Promise, so a failure without callbacks goes nowhere
      quiet(
        callback('uploadFile', o, async () => {
          const bytes = readTemp(String(o.filePath));
          const form = new FormData();
          for (const [k, v] of Object.entries((o.formData as Record<string, string>) ?? {})) form.append(k, v);
          form.append(String(o.name), new Blob([new Uint8Array(bytes)]), path.basename(String(o.filePath).replace('wxfile://', '')));
          const res = await fetch(route(String(o.url)), {
            method: 'POST',
            headers: (o.header as Record<string, string>) ?? {},
            body: form,
            signal: abort.signal,
          });
          sent(bytes.length);
          return { data: await res.text(), statusCode: res.status };
        }),
      );
      return handle;
    },
    downloadFile(o: Opts) {
      const abort = new AbortController();
      const { handle } = task(abort);
      // a task API: WeChat returns the task, never a Promise, so a failure without callbacks goes nowhere
      quiet(
        callback('downloadFile', o, async () => {
          if (device.downloadsFail) throw new WxFail('TypeError: fetch failed');
          const res = await fetch(route(String(o.url)), { headers: (o.header as Record<string, string>) ?? {}, signal: abort.signal });
          const bytes = Buffer.from(await res.arrayBuffer());
          const ext = (res.headers.get('content-type') ?? '').includes('png') ? '.png' : '.jpg';
          return { tempFilePath: tempPath(ext, bytes), statusCode: res.status };
        }),
      );
      return handle;
    },

    // ── WeChat's own sheets ─────────────────────────────────────────────────────────────────
    login: (o: Opts) =>
      callback('login', o, async () => {
        const { code } = await post(`${up.wechatUrl}/__mock/login-code`, { openid: device.openid });
        return { code };
      }),
    requestPayment: (o: Opts) =>
      callback('requestPayment', o, async () => {
        const { success: _s, fail: _f, complete: _c, ...params } = o;
        if (device.payAnswer === 'cancel') throw new WxFail('cancel');
        // the pay sheet knows which mini-program asks: WeChat adds its appid, the app does not pass one
        await post(`${up.wxpayUrl}/__mock/jsapi/request-payment`, { ...params, appId: up.appid, action: 'pay' });
        return {};
      }),
    // WeChat's subscription sheet, answered as the Device says; the WeChat mock keeps the one-time grants it gives
    requestSubscribeMessage: (o: Opts) =>
      callback('requestSubscribeMessage', o, async () => {
        const ids = (o.tmplIds as string[]) ?? [];
        const answers = Object.fromEntries(ids.map((id) => [id, answerFor(id)]));
        const sheet = await post(`${up.wechatUrl}/__mock/request-subscribe-message`, { openid: device.openid, tmplIds: ids, answers });
        if (String(sheet.errMsg).includes(':fail')) throw new WxFail(String(sheet.errMsg).replace(/^requestSubscribeMessage:fail /, ''));
        const { errMsg: _e, ...out } = sheet;
        return out;
      }),
    chooseMedia: (o: Opts) =>
      callback('chooseMedia', o, async () => {
        const count = Math.min(Number(o.count ?? 9), 20);
        const photos = device.album.length ? device.album.splice(0, count) : [await cameraPhoto()];
        const tempFiles = await Promise.all(
          photos.map(async (bytes) => ({
            tempFilePath: tempPath('.jpg', bytes),
            size: bytes.length,
            fileType: 'image',
            thumbTempFilePath: '',
            duration: 0,
            height: 600,
            width: 800,
          })),
        );
        return { tempFiles, type: 'image' };
      }),
    chooseMessageFile: (o: Opts) =>
      callback('chooseMessageFile', o, async () => {
        const count = Math.min(Number(o.count ?? 1), 100);
        const wanted = ((o.extension as string[] | undefined) ?? []).map((e) => e.toLowerCase());
        const files = device.chatFiles.filter((f) => !wanted.length || wanted.includes(path.extname(f.name).slice(1).toLowerCase()));
        if (!files.length) throw new WxFail('cancel');
        const chosen = files.slice(0, count);
        for (const f of chosen) device.chatFiles.splice(device.chatFiles.indexOf(f), 1);
        return {
          tempFiles: chosen.map((f) => ({
            path: tempPath(path.extname(f.name), f.bytes),
            size: f.bytes.length,
            name: f.name,
            type: 'file',
            time: Math.floor(Date.now() / 1000),
          })),
        };
      }),
    previewImage: (o: Opts) => callback('previewImage', o, async () => (host.previewImage((o.urls as string[]) ?? []), {})),
    makePhoneCall: (o: Opts) => callback('makePhoneCall', o, async () => (device.calls.push(String(o.phoneNumber)), {})),
    setClipboardData: (o: Opts) =>
      callback('setClipboardData', o, async () => {
        device.clipboard = String(o.data);
        host.toast({ title: '内容已复制', icon: 'none', duration: 1500 });
        return {};
      }),
    addPhoneCalendar: (o: Opts) =>
      callback('addPhoneCalendar', o, async () => {
        if (typeof o.title !== 'string' || typeof o.startTime !== 'number') throw new WxFail('parameter error: title and startTime (seconds) are required');
        const { success: _s, fail: _f, complete: _c, ...entry } = o;
        device.calendar.push(entry as Device['calendar'][number]);
        return {};
      }),
    getClipboardData: (o: Opts) => callback('getClipboardData', o, async () => ({ data: device.clipboard })),

    // ── navigation and the screen ───────────────────────────────────────────────────────────
    navigateTo: (o: Opts) => callback('navigateTo', o, async () => (await host.navigate('navigateTo', String(o.url)), { url: o.url })),
    redirectTo: (o: Opts) => callback('redirectTo', o, async () => (await host.navigate('redirectTo', String(o.url)), {})),
    switchTab: (o: Opts) => callback('switchTab', o, async () => (await host.navigate('switchTab', String(o.url)), {})),
    reLaunch: (o: Opts) => callback('reLaunch', o, async () => (await host.navigate('reLaunch', String(o.url)), {})),
    navigateBack: (o: Opts) => callback('navigateBack', o, async () => (await host.navigateBack(Number(o?.delta ?? 1)), {})),
    showToast: (o: Opts) =>
      callback(
        'showToast',
        o,
        async () => (host.toast({ title: String(o.title ?? ''), icon: String(o.icon ?? 'success'), duration: Number(o.duration ?? 1500) }), {}),
      ),
    hideToast: (o: Opts) => callback('hideToast', o, async () => (host.hideToast(), {})),
    showLoading: (o: Opts) => callback('showLoading', o, async () => (host.toast({ title: String(o.title ?? ''), icon: 'loading', duration: 60_000 }), {})),
    hideLoading: (o: Opts) => callback('hideLoading', o, async () => (host.hideToast(), {})),
    showModal: (o: Opts) =>
      callback('showModal', o, async () => {
        const tapped = await host.modal({
          title: String(o.title ?? ''),
          content: String(o.content ?? ''),
          showCancel: o.showCancel !== false,
          confirmText: String(o.confirmText ?? '确定'),
          cancelText: String(o.cancelText ?? '取消'),
        });
        return { confirm: tapped === 'confirm', cancel: tapped === 'cancel' };
      }),
    setNavigationBarTitle: (o: Opts) => callback('setNavigationBarTitle', o, async () => (host.setTitle(String(o.title ?? '')), {})),
    setNavigationBarColor: (o: Opts) => callback('setNavigationBarColor', o, async () => ({})),
    pageScrollTo: (o: Opts) => callback('pageScrollTo', o, async () => ({})),
    stopPullDownRefresh: (o: Opts) => callback('stopPullDownRefresh', o, async () => ({})),
    vibrateShort: (o: Opts) => callback('vibrateShort', o, async () => ({})),
    hideHomeButton: (o: Opts) => callback('hideHomeButton', o, async () => ({})),

    // ── storage, kept on the device ─────────────────────────────────────────────────────────
    getStorageSync: (key: string) => storage.get(key),
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => void device.storage.delete(key),
    clearStorageSync: () => device.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...device.storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Opts) =>
      callback('getStorage', o, async () => {
        if (!device.storage.has(String(o.key))) throw new WxFail('data not found');
        return { data: storage.get(String(o.key)) };
      }),
    setStorage: (o: Opts) => callback('setStorage', o, async () => (storage.set(String(o.key), o.data), {})),
    removeStorage: (o: Opts) => callback('removeStorage', o, async () => (device.storage.delete(String(o.key)), {})),

    // ── the phone ───────────────────────────────────────────────────────────────────────────
    getSystemInfoSync: () => ({ ...SYSTEM }),
    getSystemInfo: (o: Opts) => callback('getSystemInfo', o, async () => ({ ...SYSTEM })),
    getWindowInfo: () => ({
      pixelRatio: SYSTEM.pixelRatio,
      screenWidth: SYSTEM.screenWidth,
      screenHeight: SYSTEM.screenHeight,
      windowWidth: SYSTEM.windowWidth,
      windowHeight: SYSTEM.windowHeight,
      statusBarHeight: SYSTEM.statusBarHeight,
      safeArea: SYSTEM.safeArea,
      screenTop: 0,
    }),
    getDeviceInfo: () => ({ brand: SYSTEM.brand, model: SYSTEM.model, system: SYSTEM.system, platform: SYSTEM.platform, benchmarkLevel: 30 }),
    getAppBaseInfo: () => ({
      SDKVersion: SYSTEM.SDKVersion,
      language: SYSTEM.language,
      version: SYSTEM.version,
      theme: SYSTEM.theme,
      fontSizeSetting: SYSTEM.fontSizeSetting,
      enableDebug: false,
    }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
    getNetworkType: (o: Opts) => callback('getNetworkType', o, async () => ({ networkType: 'wifi' })),
    getLaunchOptionsSync: () => host.launchOptions(),
    getEnterOptionsSync: () => host.launchOptions(),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    reportAnalytics: () => {},
    env: { USER_DATA_PATH: 'wxfile://usr' },
    // 云开发: Taro looks for it; this app does not use WeChat's cloud
    cloud: undefined,
  };
  for (const name of [
    'onAppShow',
    'onAppHide',
    'offAppShow',
    'offAppHide',
    'onError',
    'offError',
    'onUnhandledRejection',
    'offUnhandledRejection',
    'onPageNotFound',
    'onNetworkStatusChange',
    'offNetworkStatusChange',
    'onMemoryWarning',
    'onThemeChange',
    'onWindowResize',
  ]) {
    wx[name] = () => {};
  }
  // an API the host does not provide would be `undefined` in the app: say so instead of failing mysteriously
  return new Proxy(wx, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && key !== 'webpackJsonp' && !key.startsWith('__') && key !== 'then')
        host.warn(`the app read wx.${key}, which this host does not provide`);
      return target[key as string];
    },
  });
}
