/**
 * Money, utility words and the account-number rule the mini-program shows and checks. Kept apart from the zod schemas (schemas/payments.ts): a page that
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

/** A utility account number (户号) as printed on the bill: 6 to 20 digits. */
export const ACCOUNT_NUMBER_RULE = { minDigits: 6, maxDigits: 20 } as const;
export const ACCOUNT_NUMBER_PROBLEM = `户号应为${ACCOUNT_NUMBER_RULE.minDigits}到${ACCOUNT_NUMBER_RULE.maxDigits}位数字，请核对缴费通知单上的户号。`;

export function isAccountNumber(text: string): boolean {
  return new RegExp(`^\\d{${ACCOUNT_NUMBER_RULE.minDigits},${ACCOUNT_NUMBER_RULE.maxDigits}}$`).test(text);
}
