import { CoreError } from '../errors';

/** What the core sends to the provincial 好差评 system: no name, ID or phone, only a pseudonymous rater key. */
export interface ProvinceEvaluation {
  requestId: string;
  caseNo: string;
  level: string;
  tags: string[];
  comment: string;
  channel: string;
  hallId?: string;
  windowNo?: string;
  raterKey: string;
  ratedAt: string;
}

export const provinceUnavailable = (): CoreError => new CoreError(503, 'PROVINCE_UNAVAILABLE', '省好差评系统暂时无法连接，评价未保存，请稍后再试');

/**
 * Relays one evaluation (or a follow-up, with `parentReceiptId`) and returns the province's receipt.
 * Anything but a receipt (outage, 5xx, timeout, no URL configured) is PROVINCE_UNAVAILABLE: the core then
 * records nothing, so the caller may repeat the same request id later.
 */
export async function relayToProvince(baseUrl: string | undefined, ev: ProvinceEvaluation, parentReceiptId?: string, timeoutMs = 2000): Promise<string> {
  if (!baseUrl) throw provinceUnavailable();
  const path = parentReceiptId ? `/province/v1/evaluations/${encodeURIComponent(parentReceiptId)}/follow-ups` : '/province/v1/evaluations';
  let res: Response;
  try {
    res = await fetch(baseUrl.replace(/\/$/, '') + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ev),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw provinceUnavailable();
  }
  const body = (await res.json().catch(() => ({}))) as { receiptId?: unknown };
  if (res.status >= 500 || typeof body.receiptId !== 'string') {
    if (res.status >= 400 && res.status < 500) console.error('[mock-core] province refused an evaluation', res.status, body);
    throw provinceUnavailable();
  }
  return body.receiptId;
}
