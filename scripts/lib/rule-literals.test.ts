import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every number of a rule is configuration (PRODUCT.md): a text a citizen reads says it through the rule-words module
 * (shared/src/rule-words.ts) or the rule itself, never as a typed number. This reads every string, template piece and
 * JSX text of the miniapp, the bff and shared, and fails on one that states a count of working days, days, hours,
 * minutes, times, photos, files, characters or megabytes with the number typed in.
 */

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['miniapp/src', 'bff/src', 'shared/src'];
/** where rules and their words are defined */
const RULE_HOMES = new Set(['shared/src/rule-words.ts', 'shared/src/booking/rules.ts', 'shared/src/cases/rules.ts', 'shared/src/complaints/rules.ts']);

/** a typed count with the unit of a rule */
export const RULE_NUMBER = /\d+(?:\.\d+)?\s?(?:个工作日|工作日|个小时|小时|天|分钟|次|张|个字|字|个文件|MB|KB)/;

/**
 * Numbers that are somebody else's rule, told as that party states it: each with where and why.
 * An entry matches when the literal contains its `text`.
 */
const OTHERS: { file: string; text: string; why: string }[] = [
  { file: 'miniapp/src/pages/payments/history/index.tsx', text: '通常1至3个工作日到账', why: "WeChat Pay's own words for when a refund arrives" },
];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec|test-data)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The text pieces of a source file a reader may see: strings, template pieces, JSX text. */
export function textPieces(source: string, fileName = 'x.tsx'): { text: string; line: number }[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      // an import path or a property name is not a text
      if (!(
        ts.isStringLiteral(node) &&
        (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || (ts.isPropertyAssignment(node.parent) && node.parent.name === node))
      )) {
        out.push({ text: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('no citizen-facing text types a rule number', () => {
  it('finds a typed rule number where there is one', () => {
    const found = textPieces("const a = <Text>开始前2小时以前可以取消</Text>; const b = `约${n}天内`; const c = '每张不超过5 MB'; const d = '请拨打12345';")
      .filter((p) => RULE_NUMBER.test(p.text))
      .map((p) => p.text);
    expect(found).toEqual(['开始前2小时以前可以取消', '每张不超过5 MB']);
  });

  it('the miniapp, the bff and shared tell every rule from its number', () => {
    const offending: string[] = [];
    for (const dir of SOURCES) {
      for (const path of files(join(ROOT, dir))) {
        const rel = relative(ROOT, path).split('\\').join('/');
        if (RULE_HOMES.has(rel)) continue;
        for (const piece of textPieces(readFileSync(path, 'utf8'), path)) {
          if (!RULE_NUMBER.test(piece.text)) continue;
          if (OTHERS.some((o) => o.file === rel && piece.text.includes(o.text))) continue;
          offending.push(`${rel}:${piece.line}: ${piece.text.trim().slice(0, 80)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
