import { deflateSync, inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { isPdf, PdfRefused, sanitizePdf } from './pdf';

/** A small PDF written as a scanner app would, with a correct cross-reference table. */
function pdf(objects: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n')]);
    parts.push(body);
    at += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

/** Every xref entry still points at its object: nothing moved. */
function xrefHolds(buf: Buffer): boolean {
  const text = buf.toString('latin1');
  const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text)!;
  const rows = table[2]!.trim().split('\n').slice(1);
  return rows.every((r, i) => text.slice(Number(r.slice(0, 10)), Number(r.slice(0, 10)) + 12).startsWith(`${i + 1} 0 obj`));
}

const PAGES = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];
const XMP = Buffer.from(
  '<?xpacket begin=""?><x:xmpmeta><dc:creator>Zhang San</dc:creator><xmp:CreatorTool>iScanner 5.1</xmp:CreatorTool></x:xmpmeta><?xpacket end="w"?>',
);

describe('sanitizePdf', () => {
  it('blanks the document information and XMP metadata in place: same length, every offset still right', () => {
    const input = pdf(
      [
        ...PAGES,
        "<< /Author (Zhang San \\(\u00c2\\)) /Producer <4950686F6E65> /CreationDate (D:20260302101500+08'00') /Title (scan) >>",
        stream('/Type /Metadata /Subtype /XML', XMP),
      ],
      '/Info 5 0 R ',
    );
    expect(isPdf(input)).toBe(true);
    const { data, pages, removed } = sanitizePdf(input);
    const text = data.toString('latin1');
    expect(pages).toBe(2);
    expect(removed).toBe(5);
    expect(data.length).toBe(input.length);
    expect(text).not.toMatch(/Zhang|iScanner|4950686F6E65|D:2026/);
    expect(text).toContain('/Author (');
    expect(xrefHolds(data)).toBe(true);
  });

  it('cleans an Info dictionary kept in a compressed object stream, which still inflates to the same objects', () => {
    const objs = Buffer.from('5 0 << /Author (Li Si) /Creator (WPS Office) /ModDate (D:20260301) >>');
    const input = pdf([...PAGES, '<< >>', stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync(objs))], '/Info 5 0 R ');
    const { data } = sanitizePdf(input);
    expect(data.length).toBe(input.length);
    const text = data.toString('latin1');
    const start = text.indexOf('stream\n', text.indexOf('/ObjStm')) + 7;
    const len = Number(/\/ObjStm[^>]*\/Length (\d+)/.exec(text)![1]);
    const inner = inflateSync(data.subarray(start, start + len)).toString('latin1');
    expect(inner).not.toMatch(/Li Si|WPS|D:2026/);
    expect(inner.startsWith('5 0 << /Author (')).toBe(true);
    expect(xrefHolds(data)).toBe(true);
  });

  it('removes EXIF (with GPS) from a page photo inside the PDF', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Artist: 'Wang Wu' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 24/1 0/1' } })
      .toBuffer();
    expect(jpeg.toString('latin1')).toContain('Wang Wu');
    const input = pdf([...PAGES, stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /Filter /DCTDecode', jpeg)]);
    const { data } = sanitizePdf(input);
    const text = data.toString('latin1');
    expect(text).not.toMatch(/Wang Wu|PhoneMaker/);
    const start = text.indexOf('stream\n', text.indexOf('/DCTDecode')) + 7;
    const meta = await sharp(data.subarray(start, start + jpeg.length)).metadata();
    expect(meta.width).toBe(16);
    expect(meta.exif).toBeUndefined();
  });

  it('refuses encrypted files, active content and what is not a PDF', () => {
    const refused = (b: Buffer) => {
      try {
        sanitizePdf(b);
        return 'accepted';
      } catch (err) {
        return (err as PdfRefused).reason;
      }
    };
    expect(refused(pdf(PAGES, '/Encrypt 9 0 R '))).toBe('encrypted');
    expect(refused(pdf([...PAGES, '<< /S /JavaScript /JS (app.alert(1)) >>']))).toBe('active-content');
    expect(
      refused(pdf([...PAGES, stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync(Buffer.from('5 0 << /S /Launch /F (cmd.exe) >>')))])),
    ).toBe('active-content');
    expect(refused(Buffer.from('%PDF-1.4 but nothing else'))).toBe('damaged');
    expect(refused(pdf(PAGES.slice(0, 2)))).toBe('damaged'); // no page at all
    expect(isPdf(Buffer.from('GIF89a'))).toBe(false);
    // a "/JS" that happens to sit in compressed image data is not read as an action
    expect(refused(pdf([...PAGES, stream('/Filter /FlateDecode', Buffer.from('x\u009c/JS/JavaScript binary', 'latin1'))]))).toBe('accepted');
  });
});
