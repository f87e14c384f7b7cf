import { atLeastChars, atMostChars, checkIdNumber, ID_NUMBER_PROBLEM_HINT, TEXT_LIMITS } from '@jsb/shared';

/**
 * Client-side checks with the same rules as the bff's schemas (shared/src/schemas/auth.ts), so the
 * citizen hears about a typo before submitting. The bff checks again; its answer wins.
 */

// same character class as bindRealNameRequestSchema.name
const NAME_RE = /^[\u3400-\u9fff\u{20000}-\u{2ffff}·•]+$/u;

/** Returns a Chinese sentence saying what to fix, or null when the name looks right. */
export function checkRealName(raw: string): string | null {
  const name = raw.trim();
  if (!name) return '请填写姓名。';
  const length = Array.from(name).length;
  if (length < TEXT_LIMITS.name.min) return `${atLeastChars('姓名', TEXT_LIMITS.name.min)}，请按身份证填写。`;
  if (length > TEXT_LIMITS.name.max) return `${atMostChars('姓名', TEXT_LIMITS.name.max)}，请按身份证填写。`;
  if (!NAME_RE.test(name)) return '姓名请填写身份证上的汉字，不要含空格、字母或数字。';
  return null;
}

export function checkIdNumberText(raw: string): string | null {
  if (!raw.trim()) return '请填写18位身份证号码。';
  const problem = checkIdNumber(raw);
  return problem ? ID_NUMBER_PROBLEM_HINT[problem] : null;
}

/** The bff's devPhoneCodeRequestSchema rule: a mainland mobile number. */
export function checkPhoneNumber(raw: string): string | null {
  const phone = raw.replace(/\s+/g, '');
  if (!phone) return '请填写11位手机号码。';
  if (!/^1[3-9]\d{9}$/.test(phone)) return '手机号码应为1开头的11位数字，请核对。';
  return null;
}

/** The bff's devLoginCodeRequestSchema rule for test openids. */
export function checkDevOpenid(raw: string): string | null {
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(raw.trim())) return '测试 openid 须为6到64位字母、数字、-或_。';
  return null;
}

/** ID numbers are typed with a lower-case x sometimes; the bff and checkIdNumber want upper case. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
