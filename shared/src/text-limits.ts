/**
 * How long the things a citizen types may be: one number each, read by the bff's schemas (which refuse) and by the
 * miniapp's fields (which stop typing there and say the rule before submitting). Zod-free for the miniapp's main package.
 */
export const TEXT_LIMITS = {
  /** a name as on the ID card (characters, not bytes) */
  name: { min: 2, max: 30 },
  /** the item search box */
  search: { max: 40 },
  /** 免费邮寄: who receives it and the street address */
  recipient: { max: 30 },
  addressDetail: { min: 5, max: 120 },
  /** 找茬: the window and the staff member's number */
  windowNo: { max: 10 },
  staffNo: { max: 20 },
} as const;

/** "姓名至少2个字" / "姓名不超过30个字" */
export const atLeastChars = (what: string, n: number) => `${what}至少${n}个字`;
export const atMostChars = (what: string, n: number) => `${what}不超过${n}个字`;
