import { CORRECTION_RULES, type CorrectionFileType } from '@jsb/shared';
import { AppError, isAppError } from '../../http/errors';
import type { RawBody } from '../../http/route';
import { fileFromBody, reencodePhoto, sniffPhotoType } from '../complaints/photos';
import { isPdf, PdfRefused, sanitizePdf } from './pdf';

/**
 * One file for a 补正 material: a photo of a page (checked and cleaned as 找茬 photos are: type from the bytes,
 * re-encoded without EXIF or GPS, at most 5 MB) or a PDF (type from the bytes, metadata removed, see pdf.ts).
 */
const MB = 1024 * 1024;

function sniff(data: Buffer): CorrectionFileType | null {
  return sniffPhotoType(data) ?? (isPdf(data) ? 'application/pdf' : null);
}

function notAllowed(filename?: string): AppError {
  const named = filename ? `“${filename.slice(0, 60)}”` : '这个文件';
  return new AppError('FILE_TYPE_NOT_ALLOWED', {
    message: `${named}不是照片或PDF。`,
    details: { allowed: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] },
  });
}

/** The 413 of a 补正 file (route.ts answers it while reading; fileFromBody after unwrapping multipart). */
export function fileTooLarge(bytes?: number): AppError {
  return new AppError('FILE_TOO_LARGE', {
    message: bytes ? `文件太大了（${(bytes / MB).toFixed(1)} MB），每个文件不超过${CORRECTION_RULES.fileMaxBytes / MB} MB。` : undefined,
    details: { maxBytes: CORRECTION_RULES.fileMaxBytes, ...(bytes ? { bytes } : {}) },
  });
}

export function correctionFileFromBody(body: RawBody) {
  return fileFromBody(body, { what: '文件', maxBytes: CORRECTION_RULES.fileMaxBytes, sniff, notAllowed, tooLarge: fileTooLarge });
}

const PDF_REFUSED: Record<PdfRefused['reason'], { message: string; hint: string }> = {
  encrypted: { message: '这个PDF设置了密码，窗口无法打开审核。', hint: '请去掉密码后重新导出PDF，或直接拍照上传。' },
  'active-content': { message: '这个PDF含有脚本、附件或表单操作，不能上传。', hint: '请用“打印为PDF”另存一份，或直接拍照上传。' },
  damaged: { message: '这个PDF无法读取，可能已损坏。', hint: '请重新导出PDF，或直接拍照上传。' },
};

/** The stored form: photos re-encoded, PDFs cleaned in place; anything unreadable is refused with what to do. */
export async function cleanCorrectionFile(f: { data: Buffer; type: CorrectionFileType }): Promise<{ data: Buffer; type: CorrectionFileType; pages: number }> {
  if (f.type === 'application/pdf') {
    try {
      const { data, pages } = sanitizePdf(f.data);
      return { data, type: f.type, pages };
    } catch (err) {
      if (err instanceof PdfRefused) throw new AppError('FILE_UNREADABLE', { ...PDF_REFUSED[err.reason], details: { reason: err.reason } });
      throw err;
    }
  }
  try {
    const photo = await reencodePhoto(f.data, f.type);
    return { data: photo.data, type: photo.type, pages: 1 };
  } catch (err) {
    if (isAppError(err) && err.code === 'PHOTO_UNREADABLE')
      throw new AppError('FILE_UNREADABLE', { message: '这张照片无法读取。', hint: '照片可能已损坏或像素过大，请重新拍一张。', cause: err });
    throw err;
  }
}
