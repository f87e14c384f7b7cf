/**
 * Citizen ID numbers (公民身份号码) per GB 11643-1999: 17 digits and a check character.
 * The check character is ISO 7064 MOD 11-2 over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthdate' | 'checksum';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Returns the first problem found, or null when the number is well-formed. */
export function checkIdNumber(raw: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthdate';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

export const ID_NUMBER_PROBLEM_HINT: Record<IdNumberProblem, string> = {
  length: '身份证号码应为18位，请检查是否多填或漏填。',
  characters: '身份证号码前17位应为数字，最后一位为数字或字母X。',
  birthdate: '号码中的出生日期（第7至14位）不正确，请核对。',
  checksum: '号码最后一位校验码不符，请逐位核对是否输错。',
};

/** 370802199001011234 → 370***********1234 */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
