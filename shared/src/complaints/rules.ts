/**
 * 找茬 rules (PRODUCT.md › 找茬). Defaults; every number is configuration on its side. Zod-free, so a page of the
 * miniapp's main package can tell a rule without bringing the schemas in.
 */
export const COMPLAINT_RULES = {
  /** the hall signs for a complaint within this many working days … */
  acknowledgeWorkingDays: 1,
  /** … and replies within this many */
  replyWorkingDays: 5,
  /** calendar days after a reply during which the citizen may reopen, once */
  reopenDays: 7,
  maxPhotos: 4,
  photoMaxBytes: 5 * 1024 * 1024,
  /** an uploaded photo not yet part of a complaint is kept this many days */
  photoKeepDays: 7,
  /** complaints one citizen may submit per day (Asia/Shanghai); the bff's COMPLAINT_DAILY_LIMIT may set it */
  dailyLimit: 10,
  descriptionMin: 5,
  descriptionMax: 500,
  /** the citizen's words with a rating of a reply, and the reason for reopening */
  ratingCommentMax: 200,
  reopenReasonMin: 5,
  reopenReasonMax: 300,
} as const;
