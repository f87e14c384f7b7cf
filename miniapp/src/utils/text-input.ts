/**
 * What a citizen types or pastes, cleaned the way a clerk would read it: a pasted number often carries spaces or a
 * line break, an ID number a lower-case x. The limit applies to the cleaned text, so a pasted " 3708…" is not cut
 * short by its leading space.
 */
export type TextKind = 'text' | 'digits' | 'id' | 'code';

export function cleanInput(raw: string, kind: TextKind, maxLength?: number): string {
  let v = raw;
  if (kind === 'digits') v = v.replace(/\D+/g, '');
  else if (kind === 'id') v = v.replace(/[^\dXx]+/g, '').toUpperCase();
  else if (kind === 'code') v = v.replace(/\s+/g, '').toUpperCase();
  else v = v.replace(/^\s+/, '');
  return maxLength !== undefined ? Array.from(v).slice(0, maxLength).join('') : v;
}

/** '370811199001011234' with [6, 8, 4] → '370811 19900101 1234'; the last group takes what is left. */
export function groupDigits(value: string, groups: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  for (const size of groups) {
    if (i >= value.length) break;
    out.push(value.slice(i, i + size));
    i += size;
  }
  if (i < value.length) out.push(value.slice(i));
  return out.join(' ');
}

/** How ID numbers (region, birth date, serial), phone numbers and account numbers are grouped for reading back. */
export const GROUPS = {
  idNumber: [6, 8, 4],
  phone: [3, 4, 4],
  account: [4, 4, 4, 4, 4],
} as const;
