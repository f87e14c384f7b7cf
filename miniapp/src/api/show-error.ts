import Taro from '@tarojs/taro';
import { asApiError } from './errors';

/** Modal text for an error: what happened (title) and what to do next (content). */
export function errorModalText(err: unknown): { title: string; content: string } {
  const e = asApiError(err);
  // a request id helps 12345 find a server-side failure; the citizen needs it only then
  const ref = e.status >= 500 && e.requestId ? `\n问题编号：${e.requestId}` : '';
  return { title: e.message, content: `${e.hint}${ref}` };
}

/** Shows what happened and what to do next; resolves when the citizen has read it. */
export async function showApiError(err: unknown): Promise<void> {
  const { title, content } = errorModalText(err);
  try {
    await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' });
  } catch {
    // a modal can fail while the page is leaving; the error was also logged below
  }
  console.warn('[api]', err);
}
