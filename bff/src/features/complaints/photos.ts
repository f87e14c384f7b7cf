import sharp from 'sharp';
import { COMPLAINT_RULES, complaintWords, type PhotoType } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { RawBody } from '../../http/route';

/**
 * Complaint photos: the type is decided from the bytes (a PNG called .jpg is a PNG; a text file called .jpg is
 * not a photo), the size is capped while reading, and every photo is decoded and encoded again by sharp
 * (libvips), which writes no EXIF, XMP, ICC or GPS data unless asked to: location data never leaves the bff.
 */

/** The type a file's first bytes prove, or null. Only the three formats a phone camera or album gives. */
export function sniffPhotoType(buf: Buffer): PhotoType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

export function photoTooLarge(bytes?: number): AppError {
  return new AppError('PHOTO_TOO_LARGE', {
    message: bytes ? `照片太大了（${mb(bytes)}），${complaintWords().photoMax}。` : undefined,
    details: { maxBytes: COMPLAINT_RULES.photoMaxBytes, ...(bytes ? { bytes } : {}) },
  });
}

function notAPhoto(filename?: string): AppError {
  const named = filename ? `“${filename.slice(0, 60)}”` : '这个文件';
  return new AppError('PHOTO_TYPE_NOT_ALLOWED', {
    message: `${named}不是 JPEG、PNG 或 WebP 照片。`,
    hint: '文件名的后缀不能决定文件类型；请重新拍照，或从相册选择一张照片。',
    details: { allowed: ['image/jpeg', 'image/png', 'image/webp'] },
  });
}

/** The first file part of a multipart/form-data body (what wx.uploadFile sends). */
export function firstFilePart(body: Buffer, contentType: string): { data: Buffer; filename?: string } | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const headStart = pos + delimiter.length + 2; // CRLF after the delimiter
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd === -1) return null;
    const head = body.toString('utf8', headStart, headEnd);
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd + 4);
    if (next === -1) return null;
    const fname = /filename="([^"]*)"/i.exec(head);
    if (fname) return { data: body.subarray(headEnd + 4, next), filename: fname[1] };
    pos = next + 2;
  }
  return null;
}

/** How one kind of upload is checked: the types its bytes may prove, and what to answer when they prove another. */
export interface UploadRule<T extends string> {
  /** what the citizen is sending, in the messages: 照片, 文件 */
  what: string;
  maxBytes: number;
  sniff: (data: Buffer) => T | null;
  notAllowed: (filename?: string) => AppError;
  tooLarge: (bytes?: number) => AppError;
}

/**
 * One file out of a request body (read by route.ts): raw bytes (H5: `Content-Type: image/…` or octet-stream, the file
 * name in `X-File-Name`) or one file in multipart/form-data (weapp: wx.uploadFile). The declared type is ignored: the
 * type is what the bytes prove. Shared by 找茬 photos and 补正 files (issue 12).
 */
export function fileFromBody<T extends string>(body: RawBody, rule: UploadRule<T>): { data: Buffer; type: T; filename?: string } {
  let { data, filename } = body;
  if (/^multipart\/form-data/i.test(body.contentType)) {
    const part = firstFilePart(body.data, body.contentType);
    if (!part) throw new AppError('VALIDATION_FAILED', { message: `没有收到${rule.what}。`, hint: `请重新选择${rule.what}后上传。` });
    data = part.data;
    filename = part.filename ?? filename;
  }
  if (data.length > rule.maxBytes) throw rule.tooLarge(data.length);
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', { message: `没有收到${rule.what}内容。`, hint: `请重新选择${rule.what}后上传。` });
  const type = rule.sniff(data);
  if (!type) throw rule.notAllowed(filename);
  return { data, type, ...(filename !== undefined ? { filename } : {}) };
}

/** One 找茬 photo: JPEG, PNG or WebP, at most COMPLAINT_RULES.photoMaxBytes. */
export function photoFromBody(body: RawBody): { data: Buffer; type: PhotoType; filename?: string } {
  return fileFromBody(body, { what: '照片', maxBytes: COMPLAINT_RULES.photoMaxBytes, sniff: sniffPhotoType, notAllowed: notAPhoto, tooLarge: photoTooLarge });
}

export interface EncodedPhoto {
  data: Buffer;
  type: PhotoType;
  width: number;
  height: number;
}

/** what one photo may weigh when forwarded (the core takes it as base64 in a JSON body of at most 1 MB) */
export const FORWARD_MAX_BYTES = 700 * 1024;
/** a 5 MB file can still decode to a huge bitmap (a "decompression bomb"); phone photos are far below this */
const MAX_INPUT_PIXELS = 50_000_000;

async function encode(input: Buffer, type: PhotoType, edge: number, quality: number): Promise<{ data: Buffer; info: { width: number; height: number } }> {
  // rotate() applies the EXIF orientation to the pixels, so dropping the EXIF does not turn the photo sideways
  const img = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
  const out = type === 'image/png' ? img.png({ compressionLevel: 9 }) : type === 'image/webp' ? img.webp({ quality }) : img.jpeg({ quality, mozjpeg: true });
  return out.toBuffer({ resolveWithObject: true });
}

/**
 * Decodes and encodes again in the same format, with no metadata. Large photos are scaled down (long edge
 * 2048, then smaller) until they fit what the core accepts; a PNG that still does not fit becomes a JPEG.
 */
export async function reencodePhoto(input: Buffer, type: PhotoType): Promise<EncodedPhoto> {
  const steps: Array<[number, number]> = [
    [2048, 82],
    [1600, 75],
    [1280, 70],
    [1024, 65],
  ];
  try {
    for (const [edge, quality] of steps) {
      const { data, info } = await encode(input, type, edge, quality);
      if (data.length <= FORWARD_MAX_BYTES) return { data, type, width: info.width, height: info.height };
    }
    const { data, info } = await encode(input, 'image/jpeg', 1024, 60);
    return { data, type: 'image/jpeg', width: info.width, height: info.height };
  } catch (err) {
    throw new AppError('PHOTO_UNREADABLE', { cause: err });
  }
}
