import { constants, deflateRawSync, inflateSync } from 'node:zlib';

/**
 * PDFs handed in for 补正 (issue 12): the type is decided from the bytes, and what could say who made the file, with
 * what, when or where is removed before it is stored — the document information (/Author, /Creator, /Producer, dates
 * …), XMP metadata streams, and the EXIF/XMP/IPTC blocks of JPEG images inside (a phone scanner's page photo can carry
 * GPS). Encrypted files and files with active content (JavaScript, launch actions, embedded files, forms that submit)
 * are refused: the window could not review them safely.
 *
 * No PDF library is available here (sharp's libvips has no PDF input in its prebuilt binaries), so the cleaning is done
 * in place, byte for byte: every value is overwritten by blanks of the same length, and a compressed object stream that
 * held metadata is compressed again and padded to its old length. No offset moves, so the cross-reference table stays
 * right and the file opens as before. Tested against files written the common ways (pdf.test.ts).
 */
export class PdfRefused extends Error {
  constructor(readonly reason: 'encrypted' | 'active-content' | 'damaged') {
    super(`pdf refused: ${reason}`);
    this.name = 'PdfRefused';
  }
}

export const isPdf = (buf: Buffer): boolean => buf.subarray(0, 1024).includes('%PDF-');

const META_KEY = /\/(Author|Creator|Producer|Title|Subject|Keywords|CreationDate|ModDate|Company|SourceModified)\b/g;
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)\b/;
const PAGE = /\/Type\s*\/Page(?![A-Za-z])/g;

interface Stream {
  dict: string;
  start: number;
  end: number;
}

/** Every stream's dictionary and data range (by /Length when it is a plain number, else up to "endstream"). */
function streams(text: string): Stream[] {
  const out: Stream[] = [];
  const re = /stream(\r\n|\n)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const dictStart = text.lastIndexOf('obj', m.index);
    const dict = text.slice(dictStart < 0 ? Math.max(0, m.index - 2000) : dictStart, m.index);
    const start = m.index + m[0].length;
    const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = len ? start + Number(len[1]) : -1;
    if (end < 0 || end > text.length || !/^\s*endstream/.test(text.slice(end, end + 12))) end = text.indexOf('endstream', start);
    if (end < 0) throw new PdfRefused('damaged');
    out.push({ dict, start, end });
    re.lastIndex = end;
  }
  return out;
}

/** Blanks the string value after each metadata key (a literal "(…)" or hex "<…>"); returns how many. */
function blankMetadata(text: string, write: (from: number, to: number) => void): number {
  let n = 0;
  META_KEY.lastIndex = 0;
  for (let m = META_KEY.exec(text); m; m = META_KEY.exec(text)) {
    let i = m.index + m[0].length;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '\\') j++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      write(i + 1, j);
      n++;
    } else if (text[i] === '<' && text[i + 1] !== '<') {
      const j = text.indexOf('>', i);
      if (j > i) write(i + 1, j);
      n++;
    }
  }
  return n;
}

function adler32(buf: Buffer): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < buf.length; i += 3800) {
    for (let j = i, end = Math.min(i + 3800, buf.length); j < end; j++) {
      a += buf[j]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * zlib data for `content` of exactly `size` bytes, or null. The deflate output is ended with a sync flush and padded
 * with a stored block of spaces appended to the content (harmless at the end of an object stream or an XMP packet).
 */
function deflateTo(content: Buffer, size: number): Buffer | null {
  for (let level = 9; level >= 1; level--) {
    const raw = deflateRawSync(content, { level, finishFlush: constants.Z_SYNC_FLUSH });
    // zlib header 2, the final empty stored block 5, adler-32 4; the rest is padding in stored blocks of ≤ 65535 bytes
    const gap = size - (2 + raw.length + 5 + 4);
    const blocks = Math.ceil(gap / (65535 + 5));
    if (gap < 0 || gap - 5 * blocks < 0) continue;
    let spaces = gap - 5 * blocks;
    const parts: Buffer[] = [Buffer.from([0x78, 0xda]), raw];
    for (let k = 0; k < blocks; k++) {
      const n = Math.min(65535, spaces);
      spaces -= n;
      parts.push(Buffer.from([0x00, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), Buffer.alloc(n, 0x20));
    }
    const padded = Buffer.concat([content, Buffer.alloc(gap - 5 * blocks, 0x20)]);
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32BE(adler32(padded));
    parts.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]), trailer);
    return Buffer.concat(parts);
  }
  return null;
}

/** Zeroes the payload of a JPEG's APP1 (EXIF, XMP) and APP13 (IPTC) segments, in place. */
function scrubJpeg(buf: Buffer, start: number, end: number): void {
  if (buf[start] !== 0xff || buf[start + 1] !== 0xd8) return;
  for (let i = start + 2; i + 4 <= end && buf[i] === 0xff;) {
    const marker = buf[i + 1]!;
    if (marker === 0xda || marker === 0xd9) return; // the image data begins
    const len = buf.readUInt16BE(i + 2);
    if (marker === 0xe1 || marker === 0xed) buf.fill(0, i + 4, Math.min(i + 2 + len, end));
    i += 2 + len;
  }
}

/** The cleaned copy, its page count, and how many metadata values were removed; throws PdfRefused. */
export function sanitizePdf(input: Buffer): { data: Buffer; pages: number; removed: number } {
  if (!isPdf(input) || !input.subarray(Math.max(0, input.length - 2048)).includes('%%EOF')) throw new PdfRefused('damaged');
  const buf = Buffer.from(input);
  const text = buf.toString('latin1');
  const found = streams(text);
  // what lies outside stream data: binary content must not be read as PDF syntax
  const masked = Buffer.from(buf);
  for (const s of found) masked.fill(0x20, s.start, s.end);
  const outside = masked.toString('latin1');
  if (/\/Encrypt\b/.test(outside)) throw new PdfRefused('encrypted');
  if (ACTIVE.test(outside)) throw new PdfRefused('active-content');
  let removed = blankMetadata(outside, (from, to) => buf.fill(0x20, from, to));
  let pages = (outside.match(PAGE) ?? []).length;
  for (const s of found) {
    const flate = /\/FlateDecode/.test(s.dict) && !/\/DecodeParms/.test(s.dict);
    if (/\/DCTDecode/.test(s.dict)) scrubJpeg(buf, s.start, s.end);
    const xmp = /\/Type\s*\/Metadata/.test(s.dict);
    if (!xmp && !/\/Type\s*\/ObjStm/.test(s.dict)) continue;
    if (!flate && /\/Filter/.test(s.dict)) throw new PdfRefused('damaged');
    let content: Buffer;
    try {
      content = flate ? inflateSync(buf.subarray(s.start, s.end)) : Buffer.from(buf.subarray(s.start, s.end));
    } catch {
      throw new PdfRefused('damaged');
    }
    const inner = content.toString('latin1');
    if (!xmp) {
      if (ACTIVE.test(inner) || /\/Encrypt\b/.test(inner)) throw new PdfRefused('active-content');
      pages += (inner.match(PAGE) ?? []).length;
    }
    const n = xmp ? (content.fill(0x20), 1) : blankMetadata(inner, (from, to) => content.fill(0x20, from, to));
    if (!n) continue;
    removed += n;
    const out = flate ? deflateTo(content, s.end - s.start) : content;
    if (!out) throw new PdfRefused('damaged');
    out.copy(buf, s.start);
  }
  if (pages === 0) throw new PdfRefused('damaged');
  return { data: buf, pages, removed };
}
