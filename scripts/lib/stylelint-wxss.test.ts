import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compilerBinary } from './weapp-gate';

const ROOT = path.resolve(__dirname, '..', '..');

/** WeChat's style compiler on one stylesheet: true when it compiles. */
function wcscAccepts(css: string): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jsb-wcsc-'));
  try {
    writeFileSync(path.join(dir, 'a.wxss'), css);
    return spawnSync(compilerBinary('wcsc'), ['-db', '-pc', '0', 'a.wxss'], { cwd: dir }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The project's stylelint (stylelint.config.mjs) over several SCSS snippets in one run: the messages for each. */
function stylelintMessages(snippets: string[]): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jsb-stylelint-'));
  try {
    const files = snippets.map((css, i) => {
      const file = path.join(dir, `s${i}.scss`);
      writeFileSync(file, `${css}\n`);
      return file;
    });
    const r = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'stylelint'),
      ['--config', path.join(ROOT, 'stylelint.config.mjs'), '--formatter', 'json', ...files],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const out = (r.stdout || r.stderr).trim();
    const results = JSON.parse(out.slice(out.indexOf('['))) as { source: string; warnings: { text: string }[] }[];
    return files.map((f) => results.find((x) => x.source === f)?.warnings.map((w) => w.text) ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Constructs wcsc refuses, each as it would reach it after Sass (the SCSS is already plain CSS here).
const REFUSED = [
  '.cs-kv > * { min-width: 0; }',
  '* { margin: 0; }',
  '.a *:first-child { color: red; }',
  '.a:not(.b, .c) { color: red; }',
  '.a:not(.b .c) { color: red; }',
  '.a:is(.b, .c) { color: red; }',
  '.a:where(.b, .c) { color: red; }',
  '.a:has(.b, .c) { color: red; }',
  '.a:nth-child(2n of .b) { color: red; }',
  '.md\\:wide { color: red; }',
  '.a >>> .b { color: red; }',
  '@layer base { .a { color: red; } }',
  '@container (min-width: 100px) { .a { color: red; } }',
];

// Constructs it compiles, which the linter must leave alone.
const ACCEPTED = [
  '.a > .b { color: red; }',
  '.a:not(.b) { color: red; }',
  '.a:nth-child(2n + 1) { color: red; }',
  '.a::after { content: "x"; }',
  '@media (min-width: 100px) { .a { color: red; } }',
];

describe('stylelint on the mini-program styles', () => {
  const linted = new Map<string, string[]>();
  beforeAll(() => {
    const all = [...REFUSED, ...ACCEPTED];
    stylelintMessages(all).forEach((messages, i) => linted.set(all[i]!, messages));
  });

  it.each(REFUSED)('refuses %s, which WeChat cannot compile', (css) => {
    expect(wcscAccepts(css)).toBe(false);
    expect(linted.get(css)?.join('\n')).toContain('wcsc');
  });

  it.each(ACCEPTED)('lets %s through, as WeChat does', (css) => {
    expect(wcscAccepts(css)).toBe(true);
    expect(linted.get(css)).toEqual([]);
  });
});
