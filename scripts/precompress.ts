/**
 * Writes a Brotli (.br) and a gzip (.gz) copy next to every text asset of a build folder (js, css, html, json, svg;
 * 1 KB and up), so the bff serves the compressed bytes without compressing on each request.
 * Usage: tsx scripts/precompress.ts <folder>
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt']);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (TEXT.has(path.extname(e.name))) yield p;
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx scripts/precompress.ts <folder>');
  process.exit(2);
}
let before = 0;
let after = 0;
for (const file of files(path.resolve(dir))) {
  if (statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  before += data.length;
  after += br.length;
}
console.log(`precompressed ${dir}: ${Math.round(before / 1024)} KB of text assets → ${Math.round(after / 1024)} KB with Brotli`);
