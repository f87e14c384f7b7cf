/**
 * Money and utility words the mini-program shows. Kept apart from the zod schemas (schemas/payments.ts): a page that
 * only formats an amount must not pull zod into the weapp main package (it was ~100 KB of it).
 */
export const UTILITY_KINDS = ['water', 'electricity', 'gas'] as const;
export const UTILITY_LABEL: Record<(typeof UTILITY_KINDS)[number], string> = { water: '水费', electricity: '电费', gas: '燃气费' };

/** Amount in fen → "80.00" (no float arithmetic on money). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
