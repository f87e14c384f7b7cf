import Taro from '@tarojs/taro';
import { config } from '../config';
import { apiClient, session } from './index';
import { errorFromResponse, networkError } from './errors';

/**
 * Files that cross with the sign-in: a photo or PDF sent up (wx.uploadFile on weapp: multipart/form-data; H5: the
 * bytes as the body, with progress from XHR), one fetched down to a local path an <Image> can show. The bff reads the
 * type from the bytes. A 401 (the access token just expired) refreshes the session through the regular client once.
 */
export interface LocalFile {
  /** wxfile:// on weapp, blob: on H5 */
  path: string;
  name: string;
  /** H5: the chosen File itself (a blob: URL cannot be fetched under the page's CSP) */
  file?: Blob;
}

interface RawResult {
  status: number;
  body: unknown;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function uploadWeapp(url: string, f: LocalFile, token: string, onProgress: (percent: number) => void): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url,
      filePath: f.path,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: 60_000,
      success: (res) => resolve({ status: res.statusCode, body: parse(res.data) }),
      fail: (err) => reject(networkError(err)),
    });
    // Taro's task is also a Promise that rejects on failure, callbacks or not: `fail` has answered it
    task.catch(() => undefined);
    task.onProgressUpdate((p) => onProgress(p.progress));
  });
}

async function uploadH5(url: string, f: LocalFile, token: string, onProgress: (percent: number) => void): Promise<RawResult> {
  let blob: Blob;
  try {
    blob = f.file ?? (await (await fetch(f.path)).blob());
  } catch (err) {
    throw networkError(err);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', blob.type || 'application/octet-stream');
    if (f.name) xhr.setRequestHeader('X-File-Name', encodeURIComponent(f.name));
    xhr.timeout = 60_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText) });
    xhr.onerror = () => reject(networkError(new Error('upload failed')));
    xhr.ontimeout = () => reject(networkError(new Error('upload timed out')));
    xhr.send(blob);
  });
}

/** Sends one file to a bff path; `onProgress` gets 0–100. Throws ApiError with the bff's refusal. */
export async function uploadFile<T>(apiPath: string, f: LocalFile, onProgress: (percent: number) => void): Promise<T> {
  const url = config.apiBase + apiPath;
  const send = (token: string) => (process.env.TARO_ENV === 'h5' ? uploadH5(url, f, token, onProgress) : uploadWeapp(url, f, token, onProgress));
  let res = await send(session.get()?.accessToken ?? '');
  if (res.status === 401) {
    await apiClient.request('/api/v1/me');
    res = await send(session.get()?.accessToken ?? '');
  }
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.body);
  return res.body as T;
}

function download(url: string, token: string): Promise<{ status: number; path: string }> {
  // the Promise Taro returns, not callbacks: it rejects on a failed download whether or not `fail` is given
  return Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` }, timeout: 30_000 }).then(
    (res) => ({ status: res.statusCode, path: res.tempFilePath }),
    (err: unknown) => {
      throw networkError(err);
    },
  );
}

/** A file only its owner may read, fetched with the sign-in into a local path (an image URL cannot carry the token). */
export async function downloadFile(apiPath: string): Promise<string> {
  const url = config.apiBase + apiPath;
  let res = await download(url, session.get()?.accessToken ?? '');
  if (res.status === 401) {
    await apiClient.request('/api/v1/me');
    res = await download(url, session.get()?.accessToken ?? '');
  }
  if (res.status !== 200) throw errorFromResponse(res.status, undefined);
  return res.path;
}
