import Taro from '@tarojs/taro';
import type { LocalFile } from '../api/files';

/**
 * Files a citizen hands in from the phone: photos (camera or album, via chooseMedia), or a PDF — on WeChat from a
 * chat (wx.chooseMessageFile, where scans usually are), in a browser from the file picker. Empty when they close it.
 */
export async function pickPhotos(count: number): Promise<LocalFile[]> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles.map((f) => {
      const file = (f as { originalFileObj?: File }).originalFileObj;
      return { path: f.tempFilePath, name: file?.name ?? '', file };
    });
  } catch {
    return [];
  }
}

export function pickPdf(count: number): Promise<LocalFile[]> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'application/pdf';
      input.multiple = count > 1;
      input.onchange = () =>
        resolve(
          Array.from(input.files ?? [])
            .slice(0, count)
            .map((file) => ({ path: URL.createObjectURL(file), name: file.name, file })),
        );
      input.oncancel = () => resolve([]);
      input.click();
    });
  }
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count,
      type: 'file',
      extension: ['pdf'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.path, name: f.name }))),
      fail: () => resolve([]),
    });
  });
}
