/**
 * 订阅消息 参数值内容限制 (subscribeMessage.send): what a value of each keyword type may be. A key is the type plus a
 * number (`thing1`, `character_string2`); one bad value makes WeChat refuse the whole message with 47003.
 */
const len = (v: string): number => [...v].length;
const CHINESE = /^[\u4e00-\u9fff]+$/;
const HAS_CHINESE = /[\u4e00-\u9fff]/;
/** 24-hour time, with the date before it if wanted: "15:01", "2019年10月1日 15:01" */
const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 )?([01]?\d|2[0-3]):[0-5]\d$/;
/** a date, with the time after it if wanted: "2019年10月1日", "2019年10月1日 15:01" */
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日( ([01]?\d|2[0-3]):[0-5]\d)?$/;
/** time and date may also be a span of two, joined by "~" */
const span = (v: string, one: RegExp): boolean => {
  const parts = v.split('~');
  return parts.length <= 2 && parts.every((p) => one.test(p.trim()));
};

const RULES: ReadonlyArray<readonly [RegExp, (v: string) => boolean]> = [
  [/^thing\d+$/, (v) => len(v) <= 20],
  // 32 digits, letters or symbols: no Chinese
  [/^character_string\d+$/, (v) => len(v) <= 32 && /^[\x20-\x7e]+$/.test(v)],
  // 5 Chinese characters, nothing else
  [/^phrase\d+$/, (v) => len(v) <= 5 && CHINESE.test(v)],
  // 10 Chinese characters, or 20 letters or symbols; mixed counts as Chinese
  [/^name\d+$/, (v) => (HAS_CHINESE.test(v) ? len(v) <= 10 : len(v) <= 20)],
  [/^number\d+$/, (v) => len(v) <= 32 && /^-?\d+(\.\d+)?$/.test(v)],
  [/^letter\d+$/, (v) => len(v) <= 32 && /^[A-Za-z]+$/.test(v)],
  [/^symbol\d+$/, (v) => len(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v)],
  [/^time\d+$/, (v) => span(v, TIME)],
  [/^date\d+$/, (v) => span(v, DATE)],
  // one currency sign and at most 10 digits, with decimals, "元" at the end if wanted
  [/^amount\d+$/, (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v)],
  [/^phone_number\d+$/, (v) => len(v) <= 17 && /^[\d+\-() ]+$/.test(v)],
  [/^car_number\d+$/, (v) => len(v) <= 8],
];

/** true when `value` is allowed for the keyword `key` (keys of no known type are not checked, like old templates). */
export function valueAllowed(key: string, value: string): boolean {
  const rule = RULES.find(([pattern]) => pattern.test(key));
  return rule ? rule[1](value) : true;
}
