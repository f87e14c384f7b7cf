import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWeappBuild, MAIN_PACKAGE_BUDGET } from './weapp-gate';

/** A small weapp build folder: two tab pages and one subpackage page, each with its files. */
function craftBuild(overrides: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jsb-gate-'));
  const page = { js: 'Page({})', json: '{"usingComponents":{}}', wxml: '<view class="a">{{title}}</view>', wxss: '.a { color: #1f2329; }' };
  const files: Record<string, string | null> = {
    'app.json': JSON.stringify({
      pages: ['pages/index/index', 'pages/mine/index'],
      subPackages: [{ root: 'pages/pay', pages: ['index'] }],
      tabBar: {
        list: [
          { pagePath: 'pages/index/index', text: '首页' },
          { pagePath: 'pages/mine/index', text: '我的' },
        ],
      },
    }),
    'app.js': 'App({})',
    'app.wxss': '.page { font-size: 16px; }',
    ...Object.fromEntries(
      ['pages/index/index', 'pages/mine/index', 'pages/pay/index'].flatMap((p) => Object.entries(page).map(([ext, text]) => [`${p}.${ext}`, text])),
    ),
    ...overrides,
  };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('the weapp gate (what WeChat DevTools would refuse)', () => {
  const dirs: string[] = [];
  const check = (overrides: Record<string, string | null> = {}) => {
    const dir = craftBuild(overrides);
    dirs.push(dir);
    return checkWeappBuild(dir);
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('passes a build WeChat would take, and says what it checked', () => {
    const r = check();
    expect(r.problems).toEqual([]);
    expect(r.passed.join('\n')).toMatch(/wcc compiled 3 .*wcsc compiled 4 .*3 pages of app.json \(1 subpackages\)/s);
    expect(r.sizes?.subpackages).toEqual([{ root: 'pages/pay', bytes: expect.any(Number) }]);
  });

  it('refuses a universal selector through WeChat’s own style compiler', () => {
    expect(check({ 'pages/mine/index.wxss': '.cs-kv > * { min-width: 0; }' }).problems.join('\n')).toMatch(/wcsc refused the styles: .*index\.wxss.*`\*`/);
  });

  it('refuses a template WeChat’s compiler cannot parse', () => {
    expect(check({ 'pages/index/index.wxml': '<view wx:elif="{{a}}">x</view>' }).problems.join('\n')).toMatch(/wcc refused the templates/);
  });

  it('names a page of app.json whose files are missing, in a subpackage too', () => {
    const r = check({ 'pages/pay/index.wxml': null, 'pages/mine/index.js': null });
    expect(r.problems).toEqual(expect.arrayContaining(['page pages/mine/index has no .js', 'page pages/pay/index has no .wxml']));
  });

  it('refuses a tab bar of one item, or one whose page sits in a subpackage', () => {
    const one = JSON.stringify({ pages: ['pages/index/index', 'pages/mine/index'], tabBar: { list: [{ pagePath: 'pages/index/index', text: '首页' }] } });
    expect(check({ 'app.json': one }).problems).toContain('the tab bar has 1 items; WeChat takes 2 to 5');
    const sub = JSON.stringify({
      pages: ['pages/index/index', 'pages/mine/index'],
      subPackages: [{ root: 'pages/pay', pages: ['index'] }],
      tabBar: {
        list: [
          { pagePath: 'pages/index/index', text: '首页' },
          { pagePath: 'pages/pay/index', text: '缴费' },
        ],
      },
    });
    expect(check({ 'app.json': sub }).problems).toContain('tab 缴费 points at pages/pay/index, which is not a page of the main package');
  });

  it('refuses a custom tab bar without its component', () => {
    const custom = JSON.stringify({
      pages: ['pages/index/index', 'pages/mine/index'],
      tabBar: {
        custom: true,
        list: [
          { pagePath: 'pages/index/index', text: '首页' },
          { pagePath: 'pages/mine/index', text: '我的' },
        ],
      },
    });
    expect(check({ 'app.json': custom }).problems).toContain('tabBar.custom is on but custom-tab-bar/index has no .js, .wxml, .json');
  });

  it('finds a process.env read left in a script, a missing component and a missing import', () => {
    const r = check({
      'pages/index/index.js': 'var base = process.env.TARO_APP_API_BASE; Page({})',
      'pages/mine/index.json': '{"usingComponents":{"comp":"../../comp"}}',
      'pages/pay/index.wxml': '<import src="../../base.wxml"/><view>x</view>',
    });
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'pages/index/index.js still reads process.env.TARO_APP_API_BASE at run time (define it in miniapp/.env.* or read it in src/config.ts)',
        'pages/mine/index.json: component <comp> points at ../../comp, which has no .js/.wxml',
        'pages/pay/index.wxml: <import src="../../base.wxml"> does not exist',
      ]),
    );
  });

  it('refuses a main package over our budget', () => {
    const r = check({ 'vendors.js': `/*${'x'.repeat(MAIN_PACKAGE_BUDGET)}*/` });
    expect(r.problems.join('\n')).toMatch(/the main package is \d+ KB, over our 600 KB budget/);
  });
});
