/**
 * Search over 事项 and 一链办理 themes: pure functions, no I/O (issue 11, finding 3).
 *
 * How a query is matched, with the numbers it uses:
 * - normalized: full-width to half-width (NFKC), lower case, spaces and punctuation dropped;
 * - also without what people say around a name ("我要开饭店怎么办" → "开饭店");
 * - also as the synonym table says ("房产证" → "不动产", "开餐馆" → "开饭店"); a synonym of 3 characters or more still
 *   counts with one character mistyped ("房产正" → "不动产"), as a homophone slip is a substitution;
 * - against each entry's name, aliases, keywords (the core's), its zone and department, and a theme's description;
 * - exactly (the field holds the query, or the query holds the whole field), or, for queries of 3 characters or more
 *   on names, aliases and keywords, within 1 edit (2 edits from 6 characters): "开饭点" finds 我要开饭店.
 * Scores rank, they mean nothing outside this file.
 */

export interface SynonymGroup {
  /** the word the catalog uses */
  canonical: string;
  /** what citizens say instead */
  aliases: readonly string[];
}

export interface SearchEntry<T> {
  ref: T;
  name: string;
  /** other names of the same thing (a theme without its 我要) */
  aliases: readonly string[];
  keywords: readonly string[];
  /** zone, department: matched exactly, weighed lower */
  group: readonly string[];
  /** free text (a theme's description): matched exactly, weighed lowest */
  text: readonly string[];
}

export interface Hit<T> {
  ref: T;
  score: number;
}

export interface MatchResult<T> {
  hits: Hit<T>[];
  /** canonical words of the synonym table the query was also searched as, absent from the query itself */
  alsoSearched: string[];
}

const WEIGHT = { name: 100, alias: 95, keyword: 90, group: 50, text: 30 } as const;
/** below this, a hit is noise (a 2-character keyword inside a 7-character question scores about 18) */
export const MIN_SCORE = 20;

/** NFKC (全角 → 半角), lower case, no spaces or punctuation. */
export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const LEADING = /^(?:请问|我要|我想要|我想|想要|怎么|怎样|如何|去哪里|去哪|在哪里|在哪|哪里|办理|办|申请)+/;
const TRAILING =
  /(?:怎么办理|怎么办|怎么弄|如何办理|如何办|需要什么材料|需要哪些材料|要什么材料|要带什么|需要什么|的材料|材料|流程|手续|去哪办|在哪办|在哪里办|怎么申请|办理|申请|吗)+$/;

/** What people say around a name: "我要开饭店怎么办" → "开饭店". Keeps the query when nothing would be left. */
export function stripFillers(q: string): string {
  const s = q.replace(LEADING, '').replace(TRAILING, '');
  return s.length >= 2 ? s : q;
}

const chars = (s: string) => Array.from(s);

/**
 * The fewest edits (insert, delete, substitute one character) that turn `pattern` into some part of `text`
 * (Sellers' approximate substring matching). "开饭点" in "我要开饭店" → 1.
 */
export function substringDistance(pattern: string, text: string): number {
  const p = chars(pattern);
  const t = chars(text);
  let prev = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= p.length; i++) {
    const row = new Array<number>(t.length + 1);
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return Math.min(...prev);
}

/** Edits a query of this many characters may carry: none up to 2 (too short to guess), 1 up to 5, then 2. */
export function allowedEdits(length: number): number {
  return length <= 2 ? 0 : length <= 5 ? 1 : 2;
}

/** Where `word` sits in `q` with at most one character substituted (same length), or -1. */
function findWithOneSubstitution(q: string, word: string): number {
  const a = chars(q);
  const w = chars(word);
  for (let i = 0; i + w.length <= a.length; i++) {
    let diff = 0;
    for (let k = 0; k < w.length && diff <= 1; k++) if (a[i + k] !== w[k]) diff++;
    if (diff <= 1) return i;
  }
  return -1;
}

interface Variant {
  text: string;
  weight: number;
  /** the canonical word this variant came from */
  via?: string;
}

/** The query as typed, without fillers, and as the synonym table reads it. */
export function expandQuery(raw: string, synonyms: readonly SynonymGroup[], fuzzy = true): Variant[] {
  const q = normalize(raw);
  if (!q) return [];
  const out: Variant[] = [{ text: q, weight: 1 }];
  const core = stripFillers(q);
  if (core !== q) out.push({ text: core, weight: 1 });
  for (const g of synonyms) {
    if (core.includes(g.canonical)) continue;
    for (const alias of g.aliases) {
      const a = normalize(alias);
      const exact = core.indexOf(a);
      const at = exact >= 0 ? exact : fuzzy && a.length >= 3 ? findWithOneSubstitution(core, a) : -1;
      if (at < 0) continue;
      const cs = chars(core);
      const replaced = [...cs.slice(0, at), g.canonical, ...cs.slice(at + chars(a).length)].join('');
      out.push({ text: replaced, weight: 0.85, via: g.canonical });
      if (replaced !== g.canonical) out.push({ text: g.canonical, weight: 0.8, via: g.canonical });
      break;
    }
  }
  // the same text twice keeps its best weight
  const best = new Map<string, Variant>();
  for (const v of out) if (!best.has(v.text) || best.get(v.text)!.weight < v.weight) best.set(v.text, v);
  return [...best.values()];
}

/** How well one field answers one query text; 0 = not at all. */
function fieldScore(q: string, field: string, weight: number, fuzzy: boolean): number {
  const f = normalize(field);
  if (!f) return 0;
  if (f === q) return weight + 10;
  if (f.includes(q)) return weight + (f.startsWith(q) ? 3 : 0);
  const fl = chars(f).length;
  const ql = chars(q).length;
  // the question holds the whole term ("我要开饭店怎么办" holds 开饭店): worth the share of the question it covers
  if (fl >= 2 && q.includes(f)) return weight * 0.8 * (fl / ql);
  if (!fuzzy) return 0;
  let edits = Infinity;
  if (ql >= 3) {
    const d = substringDistance(q, f);
    if (d <= allowedEdits(ql)) edits = d;
  }
  if (edits === Infinity && fl >= 3 && ql > fl) {
    const d = substringDistance(f, q);
    if (d <= allowedEdits(fl)) edits = d;
  }
  return edits === Infinity ? 0 : weight * (0.7 - 0.1 * (edits - 1)) * Math.min(1, ql / fl + 0.5);
}

function entryScore<T>(q: string, e: SearchEntry<T>, fuzzy: boolean): number {
  let best = fieldScore(q, e.name, WEIGHT.name, fuzzy);
  for (const a of e.aliases) best = Math.max(best, fieldScore(q, a, WEIGHT.alias, fuzzy));
  for (const k of e.keywords) best = Math.max(best, fieldScore(q, k, WEIGHT.keyword, fuzzy));
  for (const g of e.group) best = Math.max(best, fieldScore(q, g, WEIGHT.group, false));
  for (const t of e.text) best = Math.max(best, fieldScore(q, t, WEIGHT.text, false));
  return best;
}

/** A hit this good means the citizen typed a word the catalog holds: guessing at typos would only add noise. */
export const STRONG_SCORE = 60;

function scoreAll<T>(words: string[], entries: readonly SearchEntry<T>[], synonyms: readonly SynonymGroup[], fuzzy: boolean): MatchResult<T> {
  const perWord = words.map((w) => expandQuery(w, synonyms, fuzzy));
  const used = new Set<string>();
  const hits: Hit<T>[] = [];
  entries.forEach((e) => {
    let total = 0;
    for (const variants of perWord) {
      let best = 0;
      let via: string | undefined;
      for (const v of variants) {
        const s = entryScore(v.text, e, fuzzy) * v.weight;
        if (s > best) [best, via] = [s, v.via];
      }
      if (best < MIN_SCORE) return;
      total += best;
      if (via) used.add(via);
    }
    hits.push({ ref: e.ref, score: total / perWord.length });
  });
  // a stable sort keeps the catalog's order among equals
  hits.sort((a, b) => b.score - a.score);
  return { hits, alsoSearched: [...used] };
}

/**
 * Entries that answer the query, best first (ties keep the catalog's order). Words separated by spaces must each
 * match ("不动产 抵押"); an entry's score is their mean. Typos are tolerated only when the words as typed (and their
 * synonyms) found nothing strong: "开饭店" must not also bring 我要开药店, one character away.
 */
export function matchEntries<T>(raw: string, entries: readonly SearchEntry<T>[], synonyms: readonly SynonymGroup[]): MatchResult<T> {
  const words = raw
    .normalize('NFKC')
    .trim()
    .split(/\s+/)
    .filter((w) => normalize(w));
  if (!words.length) return { hits: [], alsoSearched: [] };
  const exact = scoreAll(words, entries, synonyms, false);
  if ((exact.hits[0]?.score ?? 0) >= STRONG_SCORE) return exact;
  return scoreAll(words, entries, synonyms, true);
}
