/**
 * A mini-program host for the weapp build, around miniprogram-simulate + j-component under jsdom (shared/notes/weapp.md):
 * WeChat's own template compiler (wcc) compiles the pages' templates, and this host plays the WeChat client around them:
 * `App`/`getApp`/`getCurrentPages`, `Page` on j-component's `Component` with onLoad(query)/onShow/onReady/onHide/onUnload,
 * a page stack with navigateTo/redirectTo/switchTab/reLaunch/navigateBack that loads the target page, the tab bar
 * (WeChat's, or the app's custom-tab-bar component on each tab page), and the `wx` of ./wx.ts.
 *
 * Each launch starts from a fresh module registry (a relaunch re-runs app.js as WeChat does after the app was closed);
 * the Device, with its storage, outlives launches. Every WXMLRT_ warning, missing template, page exception, unhandled
 * rejection and console error is recorded in `problems`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Device } from './device';
import { createWx, type WxHost, type WxUpstreams } from './wx';
import { Screen, type Overlay } from './screen';

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  window?: { navigationBarTitleText?: string };
  tabBar?: { custom?: boolean; list: { pagePath: string; text: string }[] };
}

/** The bits of a j-component RootComponent this host uses. */
export interface JComponent {
  dom: HTMLElement;
  instance: Record<string, unknown> & { setData(d: object): void };
  attach(parent: HTMLElement): void;
  detach(): void;
}

interface Simulate {
  load(p: string, o: object): string;
  render(id: string): JComponent;
}

export interface PageRecord {
  route: string;
  query: Record<string, string>;
  comp: JComponent;
  inst: Record<string, unknown>;
  container: HTMLElement;
  title: string;
  tabBar?: JComponent;
  shown: boolean;
}

export interface LaunchOptions {
  dist: string;
  device: Device;
  upstreams: WxUpstreams;
  /** the page WeChat opens first (default: the first page of app.json) */
  path?: string;
  query?: Record<string, string>;
}

class WxFail extends Error {}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export class MiniProgram {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  readonly app: AppJson;
  /** every page the app is made of, subpackages included */
  readonly routes: string[];
  readonly tabRoutes: string[];
  stack: PageRecord[] = [];
  /** tab pages stay alive (hidden) after the citizen switched away, as in WeChat */
  private tabPages = new Map<string, PageRecord>();
  private loaded = new Map<string, string>();
  private extras = new Map<string, Record<string, unknown>>();
  private loadingRoute = '';
  private simulate!: Simulate;
  private dom!: JSDOM;
  private appInstance: Record<string, unknown> | undefined;
  private restore: (() => void)[] = [];
  private launchedWith: { path: string; query: Record<string, string> } = { path: '', query: {} };
  readonly overlay: Overlay = { toast: null, toasts: [], modal: null, previews: [] };
  readonly screen: Screen;
  /** pages rendered in this launch (route → times) */
  readonly rendered = new Map<string, number>();

  private constructor(private readonly o: LaunchOptions) {
    this.app = JSON.parse(readFileSync(path.join(o.dist, 'app.json'), 'utf8')) as AppJson;
    this.routes = [...this.app.pages, ...(this.app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
    this.tabRoutes = (this.app.tabBar?.list ?? []).map((t) => t.pagePath);
    this.screen = new Screen(this);
  }

  /** Starts the app as WeChat does: app.js, onLaunch, onShow, then the first page. */
  static async launch(o: LaunchOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(o);
    await mp.start();
    return mp;
  }

  get device(): Device {
    return this.o.device;
  }

  get upstreams(): WxUpstreams {
    return this.o.upstreams;
  }

  current(): PageRecord {
    const top = this.stack.at(-1);
    if (!top) throw new Error('no page is open');
    return top;
  }

  private installGlobals(): void {
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    const set = (key: string, value: unknown) => {
      const had = Object.getOwnPropertyDescriptor(g, key);
      Object.defineProperty(g, key, { value, configurable: true, writable: true });
      this.restore.push(() => (had ? Object.defineProperty(g, key, had) : delete g[key]));
    };
    const win = this.dom.window as unknown as Record<string, unknown>;
    set('window', this.dom.window);
    set('document', this.dom.window.document);
    // jsdom's own Event classes: dispatchEvent refuses Node's ("parameter 1 is not of type 'Event'")
    for (const k of ['Event', 'CustomEvent', 'Node', 'Element', 'HTMLElement', 'TouchEvent', 'navigator', 'getComputedStyle']) set(k, win[k]);

    const host = this.wxHost();
    set('wx', createWx(this.o.device, this.o.upstreams, host));
    // a fresh module registry per launch: app.js, Taro's runtime and the page chunks run anew, as after a real relaunch
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after resetModules, once per launch
    this.simulate = require('miniprogram-simulate') as Simulate;
    // simulate merges its own fake wx into ours; the app sees only ours
    set('wx', createWx(this.o.device, this.o.upstreams, host));
    set('App', (config: Record<string, unknown>) => (this.appInstance = config));
    set('getApp', () => this.appInstance);
    set('getCurrentPages', () => this.stack.map((r) => r.inst));
    const simulateComponent = g.Component as (o: object) => void;
    // Taro passes `behaviors: {}` and `externalClasses: {}` when a component has none; WeChat tolerates that,
    // j-component wants arrays
    const component = (config: Record<string, unknown>) =>
      simulateComponent({
        ...config,
        behaviors: Array.isArray(config.behaviors) ? config.behaviors : [],
        externalClasses: Array.isArray(config.externalClasses) ? config.externalClasses : [],
      });
    set('Component', component);
    set('Page', (config: Record<string, unknown>) => {
      const methods: Record<string, unknown> = {};
      const extras: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(config)) {
        if (typeof v === 'function') methods[k] = this.guard(`${this.loadingRoute}.${k}`, v as (...a: unknown[]) => unknown);
        else if (k !== 'data') extras[k] = v;
      }
      this.extras.set(this.loadingRoute, extras);
      component({ data: config.data ?? {}, methods });
    });

    const warn = console.warn;
    const error = console.error;
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      this.warnings.push(text);
      if (/WXMLRT_|not found/i.test(text)) this.problems.push(`warning: ${text}`);
    };
    console.error = (...args: unknown[]) => this.problems.push(`console.error: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`);
    const onRejection = (reason: unknown) => this.problems.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    process.on('unhandledRejection', onRejection);
    this.restore.push(() => {
      console.warn = warn;
      console.error = error;
      process.off('unhandledRejection', onRejection);
    });
  }

  /** Wraps page code so that an exception is recorded as a page exception (and still thrown, as WeChat reports it). */
  private guard(where: string, fn: (...a: unknown[]) => unknown) {
    const problems = this.problems;
    return function (this: unknown, ...args: unknown[]) {
      try {
        const r = fn.apply(this, args);
        if (r instanceof Promise) r.catch((e: unknown) => problems.push(`page exception in ${where}: ${(e as Error)?.stack ?? String(e)}`));
        return r;
      } catch (e) {
        problems.push(`page exception in ${where}: ${(e as Error)?.stack ?? String(e)}`);
        throw e;
      }
    };
  }

  private wxHost(): WxHost {
    return {
      navigate: async (kind, url) => this.navigate(kind, url),
      navigateBack: async (delta) => this.navigateBack(delta),
      setTitle: (title) => {
        const top = this.stack.at(-1);
        if (top) top.title = title;
      },
      toast: (t) => {
        this.overlay.toast = t;
        this.overlay.toasts.push(t.title);
        // WeChat takes a toast away after its duration
        setTimeout(() => this.overlay.toast === t && (this.overlay.toast = null), t.duration).unref?.();
      },
      hideToast: () => (this.overlay.toast = null),
      modal: (m) =>
        new Promise((resolve) => {
          this.overlay.modal = { ...m, answer: (a) => ((this.overlay.modal = null), resolve(a)) };
        }),
      previewImage: (urls) => this.overlay.previews.push(urls),
      launchOptions: () => ({ path: this.launchedWith.path, query: this.launchedWith.query, scene: 1001 }),
      warn: (message) => this.warnings.push(message),
    };
  }

  private async start(): Promise<void> {
    this.installGlobals();
    const first = this.o.path ?? this.app.pages[0]!;
    this.launchedWith = { path: first, query: this.o.query ?? {} };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- WeChat runs the built app.js as a script
    require(path.join(this.o.dist, 'app.js'));
    const app = this.appInstance;
    if (!app) throw new Error('app.js did not call App()');
    const call = (name: string, ...args: unknown[]) => (app[name] as ((...a: unknown[]) => unknown) | undefined)?.apply(app, args);
    call('onLaunch', { path: first, query: this.launchedWith.query, scene: 1001 });
    call('onShow', { path: first, query: this.launchedWith.query, scene: 1001 });
    const page = this.openPage(first, this.launchedWith.query);
    if (this.tabRoutes.includes(first)) this.tabPages.set(first, page);
    this.stack = [page];
    await this.settle();
  }

  /** Lets the page's renders and network answers land (a few macrotasks). */
  async settle(rounds = 3): Promise<void> {
    for (let i = 0; i < rounds; i++) await tick();
  }

  private resolve(url: string): { route: string; query: Record<string, string> } {
    const [raw = '', qs = ''] = url.split('?');
    const from = this.stack.at(-1)?.route ?? '';
    const route = raw.startsWith('/') ? raw.slice(1) : path.posix.join(path.posix.dirname(from), raw);
    // WeChat hands onLoad the query values as they stand in the URL, not decoded
    const query = Object.fromEntries(
      qs
        .split('&')
        .filter(Boolean)
        .map((kv) => [kv.split('=')[0]!, kv.slice(kv.indexOf('=') + 1)]),
    );
    return { route: route.replace(/^\//, ''), query };
  }

  private loadPage(route: string): string {
    let id = this.loaded.get(route);
    if (!id) {
      this.loadingRoute = route;
      id = this.simulate.load(path.join(this.o.dist, route), { rootPath: this.o.dist, compilerOptions: { maxBuffer: 64 << 20 } });
      this.loaded.set(route, id);
    }
    return id;
  }

  private openPage(route: string, query: Record<string, string>): PageRecord {
    if (!this.routes.includes(route)) throw new WxFail(`page "${route}" is not found`);
    const comp = this.simulate.render(this.loadPage(route));
    const container = document.createElement('wx-page');
    container.setAttribute('route', route);
    document.body.appendChild(container);
    comp.attach(container);
    const inst = comp.instance;
    const pageJson = JSON.parse(readFileSync(path.join(this.o.dist, `${route}.json`), 'utf8')) as { navigationBarTitleText?: string };
    const record: PageRecord = {
      route,
      query,
      comp,
      inst,
      container,
      title: pageJson.navigationBarTitleText ?? this.app.window?.navigationBarTitleText ?? '',
      shown: false,
    };
    Object.assign(inst, this.extras.get(route), { route, __route__: route, options: query });
    if (this.app.tabBar?.custom && this.tabRoutes.includes(route)) {
      // WeChat makes one custom-tab-bar instance per tab page
      const bar = this.simulate.render(this.loadPage('custom-tab-bar/index'));
      const barBox = document.createElement('wx-tab-bar');
      container.appendChild(barBox);
      bar.attach(barBox);
      record.tabBar = bar;
    }
    inst.getTabBar = () => record.tabBar?.instance;
    inst.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} });
    this.rendered.set(route, (this.rendered.get(route) ?? 0) + 1);
    this.lifecycle(record, 'onLoad', { ...query });
    this.show(record);
    this.lifecycle(record, 'onReady');
    return record;
  }

  private lifecycle(record: PageRecord, name: string, ...args: unknown[]): void {
    const fn = record.inst[name] as ((...a: unknown[]) => unknown) | undefined;
    fn?.apply(record.inst, args);
  }

  private show(record: PageRecord): void {
    record.container.hidden = false;
    record.shown = true;
    this.lifecycle(record, 'onShow');
  }

  private hide(record: PageRecord): void {
    if (!record.shown) return;
    record.shown = false;
    record.container.hidden = true;
    this.lifecycle(record, 'onHide');
  }

  private unload(record: PageRecord): void {
    this.hide(record);
    this.lifecycle(record, 'onUnload');
    record.tabBar?.detach();
    record.comp.detach();
    record.container.remove();
    if (this.tabPages.get(record.route) === record) this.tabPages.delete(record.route);
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    const { route, query } = this.resolve(url);
    if (!this.routes.includes(route)) throw new WxFail(`page "${route}" is not found`);
    const isTab = this.tabRoutes.includes(route);
    const top = this.stack.at(-1);
    if (kind === 'navigateTo') {
      if (isTab) throw new WxFail('can not navigateTo a tabbar page');
      if (this.stack.length >= 10) throw new WxFail('webview count limit exceed');
      if (top) this.hide(top);
      this.stack.push(this.openPage(route, query));
    } else if (kind === 'redirectTo') {
      if (isTab) throw new WxFail('can not redirectTo a tabbar page');
      if (top) this.unload(this.stack.pop()!);
      this.stack.push(this.openPage(route, query));
    } else if (kind === 'switchTab') {
      if (!isTab) throw new WxFail('can not switch to no-tabBar page');
      // every page above the tab pages closes; tab pages stay alive, hidden
      for (const r of this.stack.reverse()) {
        if (this.tabPages.get(r.route) === r) this.hide(r);
        else this.unload(r);
      }
      let tab = this.tabPages.get(route);
      if (tab) this.show(tab);
      else {
        tab = this.openPage(route, {});
        this.tabPages.set(route, tab);
      }
      this.stack = [tab];
    } else {
      for (const r of [...this.stack.reverse(), ...this.tabPages.values()]) if (r.container.isConnected) this.unload(r);
      this.tabPages.clear();
      const page = this.openPage(route, query);
      if (isTab) this.tabPages.set(route, page);
      this.stack = [page];
    }
    await this.settle();
  }

  /** WeChat opens a page of the app from outside (a subscription message card, a shared link): the stack starts anew. */
  open(url: string): Promise<void> {
    return this.navigate('reLaunch', url);
  }

  /** WeChat's own back arrow: the page on top closes. */
  goBack(): Promise<void> {
    return this.navigateBack(1);
  }

  private async navigateBack(delta: number): Promise<void> {
    if (this.stack.length <= 1) throw new WxFail('cannot navigate back at first page.');
    const n = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < n; i++) this.unload(this.stack.pop()!);
    this.show(this.current());
    await this.settle();
  }

  /**
   * Closes the app: every page unloads; the globals go back. The Device stays. Throws when the runtime reported a
   * problem during this launch, so a test that closes its app cannot pass over one.
   */
  async close(): Promise<void> {
    for (const r of [...this.stack.reverse(), ...this.tabPages.values()]) if (r.container.isConnected) this.unload(r);
    this.stack = [];
    this.tabPages.clear();
    await this.settle();
    this.restore.reverse().forEach((fn) => fn());
    this.restore = [];
    this.dom.window.close();
    if (this.problems.length) throw new Error(`the weapp runtime reported ${this.problems.length} problem(s):\n${this.problems.join('\n')}`);
  }
}
