/** 补正 online in tests (issue 12): the materials a window asks for, a small PDF as a scanner app writes it, an upload. */
import type { CorrectionFile } from '@jsb/shared';
import type { Res } from './http';
import type { Stack } from './stack';

export const MATERIALS = [
  { name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' },
  { name: '健康证明', reason: '从业人员健康证明已过期', copies: 2, form: '原件及复印件' },
];

/** Two pages, an Info dictionary naming `author`, a correct cross-reference table; `trailer` adds to the trailer. */
export function minimalPdf(author: string, trailer = ''): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Author (${author}) /Producer (PhoneScanner 3.2) /CreationDate (D:20260302101500+08'00') >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${out}${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R ${trailer}>>\nstartxref\n${out.length}\n%%EOF\n`, 'latin1');
}

/** POST the bytes as the H5 build does (the file as the body, its name in X-File-Name). */
export async function upload(
  s: Pick<Stack, 'bffUrl'>,
  c: { accessToken: string },
  caseNo: string,
  materialId: string,
  data: Buffer,
  type: string,
  filename?: string,
): Promise<Res<CorrectionFile>> {
  const res = await fetch(`${s.bffUrl}/api/v1/cases/${caseNo}/correction/materials/${materialId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.accessToken}`, 'content-type': type, ...(filename ? { 'x-file-name': encodeURIComponent(filename) } : {}) },
    body: new Uint8Array(data),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as CorrectionFile, text, headers: res.headers };
}
