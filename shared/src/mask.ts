/** 13812345678 → 138****5678; keeps a leading country code. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, digits.length - 8) + '****' + digits.slice(-4);
}

/** 张三 → 张*, 欧阳小明 → 欧**明 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

const ID_IN_TEXT = /(?<![\dA-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Free text a citizen wrote (a complaint's description): ID numbers and mobile numbers in it shown masked. */
export function maskNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1***********$2').replace(MOBILE_IN_TEXT, '$1****$2');
}
