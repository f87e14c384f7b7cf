/**
 * Accessibility of every page of the H5 build, in normal mode and in 长辈版 (elderly mode).
 * For each page in miniapp/src/app.config.ts: axe-core (WCAG 2 A/AA) with no serious or critical violation, and in 长辈版
 * the rule of PRODUCT.md measured in the DOM: every visible text ≥ 18px, every touch target ≥ 60px, no decoration
 * (no shadows, gradients or icons). Contrast comes from axe's color-contrast rule. Screenshots go to tests/artifacts/a11y/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_PERSONS } from '@jsb/mock';
import type { Appointment, Complaint, CreatePaymentResponse, SlotsResponse } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { ARTIFACTS, H5_DIST, openPhone, type Phone, signInAndVerify } from '../support/browser';
import { call } from '../support/http';
import { MATERIALS } from '../support/corrections';
import { syncEvents } from '../support/events';

jest.setTimeout(600_000);

// Monday 2 March 2026, 10:00 in Jining: a working week ahead for slots
const START = new Date('2026-03-02T02:00:00Z');
const SHOTS = path.join(ARTIFACTS, 'a11y');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** the elderly-mode rule (PRODUCT.md) */
const ELDER_MIN_FONT = 18;
const ELDER_MIN_TARGET = 60;

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_a11y', h5Dist: H5_DIST, start: START });
  s.clock.freeze();
  s.clock.set(START);
  phone = await openPhone();
  await phone.context.clock.setFixedTime(START);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

interface Measure {
  axe: { id: string; impact: string; help: string; nodes: string[] }[];
  minFont: number;
  smallFonts: string[];
  /** null when the page has no control at all */
  minTarget: number | null;
  smallTargets: string[];
  decorations: string[];
}

/** Runs in the page: axe plus the DOM measurements of the elderly-mode rule. */
async function measure(phone: Phone): Promise<Measure> {
  const { page } = phone;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE); // through the devtools protocol: the page's CSP allows no inline script
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
    };
    const res = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    const axe = res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));

    const shown = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
      }
      return true;
    };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;

    // every visible text node
    let minFont = Infinity;
    const smallFonts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent || !n.textContent.trim()) continue;
      const el = n.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      if (!shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rr = range.getBoundingClientRect();
      if (rr.width === 0 || rr.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minFont) minFont = size;
      if (size < 18 && smallFonts.length < 8) smallFonts.push(`${size}px ${label(el)}`);
    }
    // placeholder text counts too
    for (const el of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
      if (!shown(el)) continue;
      const size = parseFloat(getComputedStyle(el, '::placeholder').fontSize || getComputedStyle(el).fontSize);
      if (size < minFont) minFont = size;
      if (size < 18 && smallFonts.length < 8) smallFonts.push(`${size}px placeholder ${label(el)}`);
    }

    // every touch target: real controls, ARIA widgets, and Views the app marks as tappable
    const TARGETS =
      'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=radio], [role=checkbox], [role=switch], [role=tab], [role=option], taro-button-core, .nut-button, .weui-tabbar__item, [data-tap]';
    let minTarget = Infinity;
    const smallTargets: string[] = [];
    const seen = new Set<Element>();
    for (const el of Array.from(document.querySelectorAll(TARGETS))) {
      if (!shown(el)) continue;
      // a control inside a bigger tappable one (the label inside a button) is measured through its parent
      const outer = el.parentElement?.closest(TARGETS);
      if (outer && shown(outer)) continue;
      if (seen.has(el)) continue;
      seen.add(el);
      let r = el.getBoundingClientRect();
      // a native input or its checkbox inside a Taro/NutUI wrapper: the wrapper takes the tap
      if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
        const wrap = el.closest('.nut-input, .nut-textarea, taro-input-core, taro-textarea-core, label');
        if (wrap) {
          const wr = wrap.getBoundingClientRect();
          if (wr.height > r.height) r = wr;
        }
        if ((el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'file') {
          const lab = el.closest('label, [role=radio], [role=checkbox], taro-radio-core, taro-checkbox-core, .nut-radio, .nut-checkbox');
          if (!lab) continue;
          r = lab.getBoundingClientRect();
        }
      }
      const size = Math.min(r.height, r.width);
      if (size < minTarget) minTarget = size;
      if (size < 60 && smallTargets.length < 8) smallTargets.push(`${Math.round(r.width)}×${Math.round(r.height)} ${label(el)}`);
    }

    // decoration: shadows, gradients, icons
    const decorations: string[] = [];
    for (const el of Array.from(document.querySelectorAll('.taro_page *, .taro-tabbar__tabbar *'))) {
      if (decorations.length >= 8) break;
      if (!shown(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.boxShadow !== 'none' && !/^rgba\(0, 0, 0, 0\)/.test(cs.boxShadow)) decorations.push(`shadow ${label(el)}`);
      else if (cs.backgroundImage.includes('gradient')) decorations.push(`gradient ${label(el)}`);
      else if (el.matches('.nut-icon, [class*="nut-icon-"], svg:not([aria-label])') && !el.closest('[role=img]')) decorations.push(`icon ${label(el)}`);
    }
    return { axe, minFont: minFont === Infinity ? 0 : minFont, smallFonts, minTarget: minTarget === Infinity ? null : minTarget, smallTargets, decorations };
  });
}

interface PageCase {
  name: string;
  url: () => string;
  /** text that shows the page has its content */
  ready: string | RegExp;
}

/** the part of GET /api/v1/cases this test reads */
interface CaseList {
  cases: { caseNo: string; status: string; canRate: boolean }[];
}

const results: { page: string; mode: string; axe: number; minFont: number; minTarget: number | null; m: Measure }[] = [];

/** a full load of the H5 build at a hash route (a hash change alone would stack pages in Taro's router) */
async function visit(p: PageCase): Promise<void> {
  const { page } = phone;
  await page.goto('about:blank');
  await page.goto(`${s.bffUrl}/#${p.url()}`);
  await page.getByText(p.ready).locator('visible=true').first().waitFor({ timeout: 20_000 });
  // let page transitions and late requests settle
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(400);
}

describe('H5 build: every page in normal mode and in 长辈版', () => {
  const ids = { appointment: '', caseNo: '', closedCaseNo: '', correctionCaseNo: '', payment: '', complaint: '', slot: '', theme: '' };
  const zhang = SEED_PERSONS.find((p) => p.name === '张伟')!;

  const PAGES: PageCase[] = [
    { name: 'index', url: () => '/pages/index/index', ready: '济时办' },
    { name: 'booking', url: () => '/pages/booking/index', ready: '我要开饭店' },
    { name: 'booking-item', url: () => '/pages/booking/item/index?id=GA01&hallId=city', ready: /申请材料/ },
    { name: 'booking-theme', url: () => `/pages/booking/theme/index?id=${encodeURIComponent(ids.theme)}&hallId=city`, ready: /材料/ },
    { name: 'booking-slots', url: () => '/pages/booking/slots/index?itemId=GA01&hallId=city', ready: /正常时段|可约/ },
    {
      name: 'booking-confirm',
      url: () => `/pages/booking/confirm/index?itemId=GA01&hallId=city&slotId=${encodeURIComponent(ids.slot)}`,
      ready: /请备齐以下材料/,
    },
    { name: 'appointments', url: () => '/pages/appointments/index', ready: '居民身份证换领' },
    { name: 'appointment-detail', url: () => `/pages/appointments/detail/index?id=${encodeURIComponent(ids.appointment)}`, ready: '签到码' },
    { name: 'progress', url: () => '/pages/progress/index', ready: '公司设立登记' },
    { name: 'case-detail', url: () => `/pages/cases/detail/index?caseNo=${encodeURIComponent(ids.caseNo)}`, ready: '办理进度' },
    { name: 'case-mailing', url: () => `/pages/cases/mailing/index?caseNo=${encodeURIComponent(ids.caseNo)}`, ready: /邮寄|寄送/ },
    { name: 'case-rate', url: () => `/pages/cases/rate/index?caseNo=${encodeURIComponent(ids.closedCaseNo)}`, ready: '非常不满意' },
    { name: 'case-rating', url: () => `/pages/cases/rating/index?caseNo=${encodeURIComponent(ids.closedCaseNo)}`, ready: /评价/ },
    { name: 'payments', url: () => '/pages/payments/index', ready: '不动产登记费（住宅）' },
    { name: 'payment-result', url: () => `/pages/payments/result/index?id=${encodeURIComponent(ids.payment)}`, ready: /缴费|支付/ },
    { name: 'payment-history', url: () => '/pages/payments/history/index', ready: /缴费记录|凭证|￥/ },
    { name: 'complaints', url: () => '/pages/complaints/index', ready: /ZC\d+/ },
    { name: 'complaint-new', url: () => '/pages/complaints/new/index', ready: '提交找茬' },
    { name: 'complaint-detail', url: () => `/pages/complaints/detail/index?id=${encodeURIComponent(ids.complaint)}`, ready: /ZC\d+/ },
    { name: 'mine', url: () => '/pages/mine/index', ready: '显示设置' },
    { name: 'real-name', url: () => '/pages/real-name/index', ready: /实名/ },
    { name: 'messages', url: () => '/pages/messages/index', ready: '需要补正材料' },
    { name: 'case-correction', url: () => `/pages/cases/correction/index?caseNo=${encodeURIComponent(ids.correctionCaseNo)}`, ready: '经营场所平面图' },
  ];

  it('covers every page of app.config.ts', () => {
    const cfg = readFileSync(path.resolve(__dirname, '..', '..', 'miniapp', 'src', 'app.config.ts'), 'utf8');
    const roots = [...cfg.matchAll(/root: '([^']+)', pages: \[([^\]]+)\]/g)];
    const main = [...cfg.matchAll(/'(pages\/[^']+)'/g)].map((m) => m[1]!).filter((p) => !roots.some((r) => r[1] === p));
    const subs = roots.flatMap((m) => [...m[2]!.matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`));
    const covered = new Set(PAGES.map((p) => p.url().split('?')[0]!.slice(1)));
    expect([...main, ...subs].filter((p) => !covered.has(p))).toEqual([]);
  });

  it('signs in 张伟 and makes the data every page shows', async () => {
    const { page } = phone;
    await signInAndVerify(page, s.bffUrl, 'browser_a11y_1', zhang);
    const token = await page.evaluate(() => {
      const raw = localStorage.getItem('jsb.session') ?? '';
      const v = JSON.parse(raw) as { data?: { accessToken?: string }; accessToken?: string };
      return v.data?.accessToken ?? v.accessToken ?? '';
    });
    expect(token).toBeTruthy();
    const auth = { token };

    const themes = await call<{ themes: { id: string; name: string }[] }>(s.bffUrl, 'GET', '/api/v1/themes');
    ids.theme = themes.body.themes[0]!.id;
    const slots = await call<SlotsResponse>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&itemId=GA01', auth);
    const open = slots.body.days.flatMap((d) => d.slots).filter((x) => x.bookable);
    expect(open.length).toBeGreaterThan(1);
    const appt = await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', { ...auth, body: { itemId: 'GA01', slotId: open[0]!.id } });
    expect(appt.status).toBe(201);
    ids.appointment = appt.body.id;
    ids.slot = open[1]!.id;

    const cases = await call<CaseList>(s.bffUrl, 'GET', '/api/v1/cases', auth);
    expect(cases.status).toBe(200);
    ids.caseNo = (cases.body.cases.find((c) => c.status !== 'closed') ?? cases.body.cases[0]!).caseNo;
    ids.closedCaseNo = (cases.body.cases.find((c) => c.canRate) ?? cases.body.cases[0]!).caseNo;

    const pay = await call<CreatePaymentResponse>(s.bffUrl, 'POST', '/api/v1/payments', { ...auth, body: { payableId: 'FEE-202602-0001' } });
    expect(pay.status).toBeLessThan(300);
    ids.payment = pay.body.payment.id;

    const zc = await call<Complaint>(s.bffUrl, 'POST', '/api/v1/complaints', {
      ...auth,
      body: {
        category: '推诿/说"No"',
        target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' },
        description: '窗口说材料不全，但没有一次说清缺什么',
        anonymous: false,
        photoIds: [],
      },
    });
    expect(zc.status).toBeLessThan(300);
    ids.complaint = zc.body.id;
    // the hall answers, so the detail page shows the reply with its rating choices and the reopen form
    const [rec] = [...s.core.state.complaints.byId.values()];
    const reply = await call(s.coreUrl, 'POST', `/__mock/staff/complaints/${rec!.id}/reply`, {
      body: { by: '市为民服务中心找茬窗口', text: '已核实，窗口已一次性告知所缺材料并致歉' },
    });
    expect(reply.status).toBe(200);

    // a case paused for 补正, and the 消息 that says so (issue 12)
    const person = s.core.state.persons.get(zhang.idNumber)!;
    const paused = await call<{ caseNo: string }>(s.coreUrl, 'POST', '/__mock/staff/cases', {
      body: { personId: person.personId, itemId: 'SS05', accept: true },
    });
    ids.correctionCaseNo = paused.body.caseNo;
    await call(s.coreUrl, 'POST', `/__mock/staff/cases/${ids.correctionCaseNo}/review`, {
      body: { department: '市市场监督管理局食品经营科', name: '材料审查' },
    });
    await call(s.coreUrl, 'POST', `/__mock/staff/cases/${ids.correctionCaseNo}/pause`, { body: { kind: '补正', reason: '材料不全', materials: MATERIALS } });
    await syncEvents(s.bff);
  });

  for (const mode of ['normal', 'elder'] as const) {
    describe(mode === 'normal' ? 'normal mode' : '长辈版', () => {
      if (mode === 'elder') {
        it('switches 长辈版 on in 我的 and keeps it after a reload (a new launch)', async () => {
          const { page } = phone;
          await visit({ name: 'mine', url: () => '/pages/mine/index', ready: '显示设置' });
          await page.getByText('开启长辈版（大字）').click();
          await page.locator('.jsb-page.jsb-elder').first().waitFor();
          await page.reload();
          await page.getByText('关闭长辈版').waitFor();
          expect(await page.locator('.jsb-page.jsb-elder:visible').count()).toBeGreaterThan(0);
        });
      }

      for (const p of PAGES) {
        it(`${p.name}: no serious or critical axe violation${mode === 'elder' ? '; text ≥ 18px, targets ≥ 60px, no decoration' : ''}`, async () => {
          await visit(p);
          if (mode === 'elder') expect(await phone.page.locator('.jsb-page.jsb-elder:visible').count()).toBeGreaterThan(0);
          const m = await measure(phone);
          await phone.page.screenshot({ path: path.join(SHOTS, `${p.name}-${mode}.png`), fullPage: true });
          results.push({ page: p.name, mode, axe: m.axe.length, minFont: m.minFont, minTarget: m.minTarget === null ? null : Math.round(m.minTarget), m });
          const problems: unknown[] = [...m.axe];
          if (mode === 'elder') {
            if (m.minFont < ELDER_MIN_FONT) problems.push({ smallFonts: m.smallFonts });
            if (m.minTarget !== null && m.minTarget < ELDER_MIN_TARGET) problems.push({ smallTargets: m.smallTargets });
            if (m.decorations.length) problems.push({ decorations: m.decorations });
          }
          expect(problems).toEqual([]);
        });
      }
    });
  }

  afterAll(() => {
    writeFileSync(path.join(SHOTS, 'results.json'), JSON.stringify(results, null, 2));
    const rows = results.map(
      (r) =>
        `${r.page.padEnd(20)} ${r.mode.padEnd(7)} ${String(r.axe).padStart(4)} ${`${r.minFont}px`.padStart(7)} ${(r.minTarget === null ? '-' : `${r.minTarget}px`).padStart(9)}`,
    );
    console.log(['page                 mode     axe minFont minTarget', ...rows].join('\n'));
  });
});
