/**
 * A picture of a page of the weapp build: the DOM the mini-program runtime rendered (WeChat's own template compiler
 * made it) with the build's WXSS — app, page, subpackage and custom tab bar styles, rpx at 750 across the window —
 * laid out by Chromium under WeChat's navigation bar. WeChat's renderer is not Chromium, and built-in components are
 * drawn with plain HTML stand-ins, so it is a close look at the page, not proof of pixels (README: what the runtime
 * cannot show).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPhone } from '../browser';
import type { MiniProgram } from './host';

const WINDOW_WIDTH = 390;

/** A stylesheet with its @imports inlined, relative to its own folder. */
function wxssWithImports(file: string, seen = new Set<string>()): string {
  if (seen.has(file) || !existsSync(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(/@import\s+"([^"]+)";/g, (_, rel: string) => wxssWithImports(path.resolve(path.dirname(file), rel), seen));
}

/** WXSS to CSS: rpx against a 390 px window, the `page` element as the body. */
function toCss(wxss: string): string {
  return wxss
    .replace(/(-?\d*\.?\d+)rpx/g, (_, n: string) => `${((Number(n) * WINDOW_WIDTH) / 750).toFixed(2)}px`)
    .replace(/(^|[},\s])page(?=[\s{.,:[])/g, '$1body');
}

/**
 * WeChat's own look of its built-in components, roughly (its base library styles them before the app does); the
 * fixed tab bar sits at the end of a full-page picture instead of across its middle.
 */
const BASE = `
html,body{margin:0}body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;-webkit-text-size-adjust:none}
.wx-nav{position:sticky;top:0;z-index:200;height:44px;padding-top:47px;display:flex;align-items:center;justify-content:center;background:#0b57d0;color:#fff;font-size:17px;font-weight:600}
.wx-view{display:block}.wx-text{display:inline}.wx-img{display:inline-block;width:320px;height:240px}
.wx-button{position:relative;display:block;box-sizing:border-box;padding:0 14px;margin:0 auto;font-size:18px;text-align:center;line-height:2.55;border-radius:5px;border:1px solid rgba(0,0,0,.2);background:#f8f8f8;color:#000;font-family:inherit}
.wx-input{display:block;box-sizing:border-box;width:100%;min-height:1.4rem;border:0;background:transparent;font:inherit;color:inherit}
.jsb-tabbar{position:sticky!important}
.wx-textarea{display:block;box-sizing:border-box;width:100%;height:150px;border:0;background:transparent;font:inherit;color:inherit}
`;

const TAGS: Record<string, string> = { 'wx-text': 'span', 'wx-button': 'button', 'wx-image': 'img', 'wx-input': 'input', 'wx-textarea': 'textarea' };

/** The rendered page as plain HTML: WeChat tags to HTML stand-ins, the runtime's class prefixes dropped. */
function pageHtml(mp: MiniProgram): string {
  const src = mp.current().container;
  const doc = src.ownerDocument;
  const convert = (el: Element): Node => {
    const tag = el.tagName.toLowerCase();
    const a = mp.screen.attributes(el);
    const name = TAGS[tag] ?? (tag.startsWith('wx-') ? 'div' : tag === 'main' ? 'div' : tag);
    const out = doc.createElement(name);
    // j-component prefixes each class with its component's tag ('main--cs-status--refused'): drop that prefix only
    const classes = Array.from(el.classList).map((c) => c.replace(/^[a-z0-9]+--/, ''));
    out.className = [tag.startsWith('wx-') ? tag.replace('wx-image', 'wx-img') : '', ...classes].filter(Boolean).join(' ');
    const style = el.getAttribute('style');
    if (style) out.setAttribute('style', toCss(style));
    if (name === 'img') {
      out.setAttribute('src', String(a.src ?? '').startsWith('wxfile://') ? '' : String(a.src ?? ''));
      out.setAttribute('style', `${out.getAttribute('style') ?? ''};object-fit:${a.mode === 'aspectFill' ? 'cover' : 'fill'}`);
    }
    if (name === 'input' || name === 'textarea') {
      out.setAttribute('placeholder', String(a.placeholder ?? ''));
      if (name === 'input') out.setAttribute('value', String(a.value ?? ''));
      else out.textContent = String(a.value ?? '');
      return out;
    }
    for (const child of Array.from(el.childNodes))
      out.appendChild(child.nodeType === 1 ? convert(child as Element) : doc.createTextNode(child.textContent ?? ''));
    return out;
  };
  const body = doc.createElement('div');
  for (const child of Array.from(src.childNodes)) if (child.nodeType === 1) body.appendChild(convert(child as Element));
  return body.innerHTML;
}

/** Writes tests/artifacts/<name>.png (and the .html it was drawn from) of the page on top. */
export async function snapshot(mp: MiniProgram, dist: string, name: string): Promise<string> {
  const page = mp.current();
  const css = [
    wxssWithImports(path.join(dist, 'app.wxss')),
    wxssWithImports(path.join(dist, `${page.route}.wxss`)),
    page.tabBar ? wxssWithImports(path.join(dist, 'custom-tab-bar', 'index.wxss')) : '',
  ]
    .map(toCss)
    .join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${WINDOW_WIDTH}"><style>${BASE}${css}</style></head><body><div class="wx-nav">${page.title}</div>${pageHtml(mp)}</body></html>`;
  const dir = path.resolve(__dirname, '..', '..', 'artifacts');
  mkdirSync(dir, { recursive: true });
  const htmlFile = path.join(dir, `${name}.html`);
  writeFileSync(htmlFile, html);
  const phone = await openPhone();
  try {
    await phone.page.setViewportSize({ width: WINDOW_WIDTH, height: 844 });
    // no navigation: a phone from tests/support/browser reaches nothing but 127.0.0.1
    await phone.page.setContent(html, { waitUntil: 'load' });
    await phone.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  } finally {
    await phone.close();
  }
  return path.join(dir, `${name}.png`);
}
