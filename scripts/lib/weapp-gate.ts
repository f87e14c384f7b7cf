/**
 * What WeChat DevTools would refuse at preview or upload, checked on a weapp build folder without WeChat:
 * WeChat's own template compiler (wcc) over every .wxml/.wxs, its style compiler (wcsc) over every .wxss, the pages
 * and tab bar of app.json, component references, literal `process.env.` left in scripts, and the package sizes.
 * (shared/notes/weapp.md: the compilers come from the npm package miniprogram-compiler, without their execute bit.)
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** WeChat's limits (小程序分包加载): the main package and each subpackage ≤ 2 MB, all packages together ≤ 20 MB. */
export const WECHAT_PACKAGE_LIMIT = 2048 * 1024;
export const WECHAT_TOTAL_LIMIT = 20 * 1024 * 1024;
/** Our own budget for the main package: what every citizen downloads before 首页 shows. */
export const MAIN_PACKAGE_BUDGET = 600 * 1024;

export interface PackageSizes {
  main: number;
  total: number;
  subpackages: { root: string; bytes: number }[];
}

export interface GateResult {
  problems: string[];
  /** one line per check that passed, for the log */
  passed: string[];
  sizes?: PackageSizes;
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { custom?: boolean; list?: { pagePath: string; text?: string }[] };
  usingComponents?: Record<string, string>;
}

function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

/** The compilers ship without their execute bit; give it back (a no-op when already set). */
export function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const bin = path.join(pkg, 'bin', 'linux', name);
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  return bin;
}

function runCompiler(name: 'wcc' | 'wcsc', args: string[], cwd: string): { ok: boolean; output: string } {
  const r = spawnSync(compilerBinary(name), args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const errors = (r.stderr ?? '') + (r.status === 0 ? '' : (r.stdout ?? '').slice(0, 2000));
  return { ok: r.status === 0 && !/\bERR\b|error/i.test(r.stderr ?? ''), output: errors.trim() || `exit ${r.status ?? r.signal}` };
}

export function packageSizes(dist: string, app: AppJson): PackageSizes {
  const sizeOf = (rel: string) => statSync(path.join(dist, rel)).size;
  const files = walk(dist);
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const subpackages = roots.map((root) => ({ root, bytes: files.filter((f) => f.startsWith(`${root}/`)).reduce((n, f) => n + sizeOf(f), 0) }));
  const total = files.reduce((n, f) => n + sizeOf(f), 0);
  return { main: total - subpackages.reduce((n, s) => n + s.bytes, 0), total, subpackages };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** Every check on one build folder; `problems` is empty when WeChat would accept it. */
export function checkWeappBuild(dist: string): GateResult {
  const problems: string[] = [];
  const passed: string[] = [];
  const appJsonPath = path.join(dist, 'app.json');
  if (!existsSync(appJsonPath)) return { problems: [`${dist} has no app.json: build the weapp first (npm run build:weapp)`], passed };
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  const files = walk(dist);
  const has = (rel: string) => files.includes(rel);

  // 1. WeChat's template compiler over every template and wxs module, from the build folder with relative paths
  const templates = files.filter((f) => f.endsWith('.wxml') || f.endsWith('.wxs'));
  const wcc = runCompiler('wcc', ['-d', '-cc', '0', ...templates, '-gn', '$gwx'], dist);
  if (wcc.ok) passed.push(`wcc compiled ${templates.length} .wxml/.wxs files`);
  else problems.push(`wcc refused the templates: ${wcc.output}`);

  // 2. its style compiler over every stylesheet (all at once: @import needs the imported file in the list)
  const styles = files.filter((f) => f.endsWith('.wxss'));
  const wcsc = runCompiler('wcsc', ['-db', '-pc', '0', ...styles], dist);
  if (wcsc.ok) passed.push(`wcsc compiled ${styles.length} .wxss files`);
  else problems.push(`wcsc refused the styles: ${wcsc.output}`);

  // 3. every page of app.json, subpackages included, has its script, template and config
  const subs = app.subPackages ?? app.subpackages ?? [];
  const mainPages = app.pages ?? [];
  const pages = [...mainPages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  if (mainPages.length === 0) problems.push('app.json lists no pages');
  for (const page of pages) {
    const missing = ['.js', '.wxml', '.json'].filter((ext) => !has(page + ext));
    if (missing.length) problems.push(`page ${page} has no ${missing.join(', ')}`);
  }
  if (!problems.some((p) => p.startsWith('page ')))
    passed.push(`${pages.length} pages of app.json (${subs.length} subpackages) have their .js, .wxml and .json`);

  // 4. the tab bar: 2–5 items, each a page of the main package; a custom tab bar needs its component
  const tabs = app.tabBar?.list ?? [];
  if (app.tabBar) {
    if (tabs.length < 2 || tabs.length > 5) problems.push(`the tab bar has ${tabs.length} items; WeChat takes 2 to 5`);
    for (const t of tabs)
      if (!mainPages.includes(t.pagePath)) problems.push(`tab ${t.text ?? ''} points at ${t.pagePath}, which is not a page of the main package`);
    if (app.tabBar.custom) {
      const missing = ['.js', '.wxml', '.json'].filter((ext) => !has(`custom-tab-bar/index${ext}`));
      if (missing.length) problems.push(`tabBar.custom is on but custom-tab-bar/index has no ${missing.join(', ')}`);
    }
    if (!problems.some((p) => p.startsWith('tab')))
      passed.push(`tab bar: ${tabs.length} items${app.tabBar.custom ? ' (custom-tab-bar)' : ''}, all main-package pages`);
  }

  // 5. every usingComponents entry resolves to a component with its files
  let refs = 0;
  for (const json of files.filter((f) => f.endsWith('.json') && f !== 'app.json' && f !== 'project.config.json' && f !== 'sitemap.json')) {
    const using = (JSON.parse(readFileSync(path.join(dist, json), 'utf8')) as AppJson).usingComponents ?? {};
    for (const [tag, ref] of Object.entries(using)) {
      if (ref.startsWith('plugin://')) continue;
      const target = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(json), ref);
      refs += 1;
      if (!has(`${target}.js`) || !has(`${target}.wxml`)) problems.push(`${json}: component <${tag}> points at ${ref}, which has no .js/.wxml`);
    }
  }
  if (!problems.some((p) => p.includes('component <'))) passed.push(`${refs} component references resolve`);

  // 6. <import>/<include> targets exist (wcc lets a missing import through; WeChat then renders nothing)
  for (const wxml of files.filter((f) => f.endsWith('.wxml'))) {
    const text = readFileSync(path.join(dist, wxml), 'utf8');
    for (const m of text.matchAll(/<(?:import|include)\s+src="([^"]+)"/g)) {
      const src = m[1]!;
      const target = src.startsWith('/') ? src.slice(1) : path.posix.join(path.posix.dirname(wxml), src);
      if (!has(target)) problems.push(`${wxml}: <import src="${src}"> does not exist`);
    }
  }

  // 7. no `process.env.X` left in a script: WeChat has no `process`, the page would crash (shared/notes/taro.md)
  const scripts = files.filter((f) => f.endsWith('.js'));
  for (const js of scripts) {
    const text = readFileSync(path.join(dist, js), 'utf8');
    const m = /process\.env\.[A-Za-z_][A-Za-z0-9_]*/.exec(text);
    if (m) problems.push(`${js} still reads ${m[0]} at run time (define it in miniapp/.env.* or read it in src/config.ts)`);
  }
  if (!problems.some((p) => p.includes('process.env'))) passed.push(`no literal process.env in ${scripts.length} scripts`);

  // 8. sizes
  const sizes = packageSizes(dist, app);
  if (sizes.main > WECHAT_PACKAGE_LIMIT) problems.push(`the main package is ${kb(sizes.main)}, over WeChat's ${kb(WECHAT_PACKAGE_LIMIT)}`);
  if (sizes.main > MAIN_PACKAGE_BUDGET) problems.push(`the main package is ${kb(sizes.main)}, over our ${kb(MAIN_PACKAGE_BUDGET)} budget`);
  for (const s of sizes.subpackages)
    if (s.bytes > WECHAT_PACKAGE_LIMIT) problems.push(`subpackage ${s.root} is ${kb(s.bytes)}, over WeChat's ${kb(WECHAT_PACKAGE_LIMIT)}`);
  if (sizes.total > WECHAT_TOTAL_LIMIT) problems.push(`all packages together are ${kb(sizes.total)}, over WeChat's ${kb(WECHAT_TOTAL_LIMIT)}`);
  passed.push(
    `main package ${kb(sizes.main)} (budget ${kb(MAIN_PACKAGE_BUDGET)}, WeChat ${kb(WECHAT_PACKAGE_LIMIT)}); ${sizes.subpackages.map((s) => `${s.root} ${kb(s.bytes)}`).join(', ')}`,
  );
  return { problems, passed, sizes };
}
