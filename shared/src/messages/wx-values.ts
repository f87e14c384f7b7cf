/**
 * Values for subscription-message keywords that stay within WeChat's limits (订阅消息 参数值内容限制). A value that
 * breaks them makes WeChat refuse the whole message (47003), so every value goes through one of these.
 */

const chars = (s: string): string[] => Array.from(s);

/** thing: at most 20 characters; a longer text is cut with an ellipsis (`max` leaves room for what follows it). */
export function wxThing(s: string, max = 20): string {
  const c = chars(s.replace(/\s+/g, ' ').trim());
  if (c.length === 0) return '—';
  return c.length <= max ? c.join('') : `${c.slice(0, max - 1).join('')}…`;
}

/** phrase: 1 to 5 Chinese characters only (e.g. 已受理, 准予许可). Anything else is a bug in our wording: it throws. */
export function wxPhrase(s: string): string {
  if (!/^[\u4e00-\u9fff]{1,5}$/.test(s)) throw new RangeError(`not a WeChat phrase (1–5 Chinese characters): ${s}`);
  return s;
}

/** character_string: at most 32 digits, letters or symbols; no Chinese. */
export function wxString(s: string): string {
  const ascii = s.replace(/[^\x21-\x7e]/g, '');
  return (ascii || '-').slice(0, 32);
}

/** amount: a currency sign and at most 10 digits with the fen, e.g. "¥80.00" (integer arithmetic: no float on money). */
export function wxAmount(fen: number): string {
  return `¥${yuanText(fen)}`;
}

/** 8000 → "80.00" */
export function yuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
