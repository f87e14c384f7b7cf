import { z } from 'zod';
import { atLeastChars, atMostChars, TEXT_LIMITS } from '../text-limits';
import { CHANNELS, RATING_LEVELS, CASE_RULES } from './rules';
import { coreCorrectionSchema, correctionSchema, correctionSummarySchema } from './correction.schema';

/** 办件 (cases), their mailing, and 好差评 ratings: the core's shapes and the bff's, one source for both. */
export const CASE_STATUSES = ['received', 'accepted', 'reviewing', 'decided', 'issued', 'mailed', 'delivered'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  received: '已收件',
  accepted: '已受理',
  reviewing: '审查中',
  decided: '已作出决定',
  issued: '已办结',
  mailed: '结果已寄出',
  delivered: '结果已签收',
};
/** 办结: the result is issued; from here the case can be rated. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['issued', 'mailed', 'delivered'];

export const PAUSE_KINDS = ['补正', '特别程序'] as const;
export const DECISIONS = ['准予', '不予'] as const;

export const caseNoSchema = z.string().regex(/^JN\d{13}$/, '办件编号格式不正确，应为JN开头的15位编号');
export const queryCodeSchema = z.string().regex(/^\d{6}$/, '查询码是6位数字');

export const limitCountdownSchema = z.object({
  limitDays: z.number().int(),
  dueDate: z.string(),
  remainingDays: z.number().int(),
  overdueDays: z.number().int(),
});
export const countdownSchema = z.object({
  state: z.enum(['not-started', 'running', 'paused', 'due-today', 'overdue', 'finished']),
  usedDays: z.number().int(),
  pausedDays: z.number().int(),
  paused: z.boolean(),
  promised: limitCountdownSchema,
  statutory: limitCountdownSchema,
  onTime: z.boolean().optional(),
});

export const TIMELINE_KINDS = [
  'received',
  'accepted',
  'review',
  'paused',
  'resumed',
  'decided',
  'issued',
  'mailed',
  'delivered',
  'correction-submitted',
  'correction-rejected',
] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  at: z.string(),
  /** the department handling this step */
  department: z.string().optional(),
  note: z.string().optional(),
  /** a step still in progress (the current review step, a pause not yet over) */
  current: z.boolean().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const pauseSchema = z.object({ kind: z.enum(PAUSE_KINDS), reason: z.string(), from: z.string(), to: z.string().optional() });

export const addressSchema = z.strictObject({
  recipient: z.string().trim().min(1, '请填写收件人').max(TEXT_LIMITS.recipient.max, atMostChars('收件人', TEXT_LIMITS.recipient.max)),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码'),
  province: z.string().trim().min(2, '请填写省份').max(20),
  city: z.string().trim().min(2, '请填写城市').max(20),
  district: z.string().trim().min(2, '请填写区县').max(20),
  detail: z
    .string()
    .trim()
    .min(TEXT_LIMITS.addressDetail.min, `${atLeastChars('详细地址', TEXT_LIMITS.addressDetail.min)}，写到门牌号`)
    .max(TEXT_LIMITS.addressDetail.max, atMostChars('详细地址', TEXT_LIMITS.addressDetail.max)),
});
export type MailingAddress = z.infer<typeof addressSchema>;

export const trackingEventSchema = z.object({
  at: z.string(),
  status: z.enum(['accepted', 'in-transit', 'out-for-delivery', 'delivered']),
  text: z.string(),
  place: z.string().optional(),
});
export const mailingSchema = z.object({
  state: z.enum(['requested', 'mailed', 'delivered']),
  requestedAt: z.string(),
  /** masked for display (收件人 and phone) */
  address: z.object({ recipient: z.string(), phone: z.string(), province: z.string(), city: z.string(), district: z.string(), detail: z.string() }),
  emsNo: z.string().optional(),
  events: z.array(trackingEventSchema),
});
export type Mailing = z.infer<typeof mailingSchema>;

/** The core's case, as it answers its owner (the applicant's identity already masked by the core). */
export const coreCaseSchema = z.object({
  caseNo: z.string(),
  personId: z.string(),
  applicantName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  department: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  windowNo: z.string(),
  channel: z.enum(CHANNELS),
  bookingId: z.string().optional(),
  status: z.enum(CASE_STATUSES),
  decision: z.enum(DECISIONS).optional(),
  statutoryDays: z.number().int(),
  promisedDays: z.number().int(),
  receivedAt: z.string(),
  acceptedAt: z.string().optional(),
  closedAt: z.string().optional(),
  pauses: z.array(pauseSchema),
  timeline: z.array(timelineEntrySchema),
  countdown: countdownSchema.nullable(),
  mailing: mailingSchema.nullable(),
  mailingAvailable: z.boolean(),
  rated: z.boolean(),
  /** the last day a rating is accepted, once the case is closed */
  ratingDeadline: z.string().optional(),
  /** the latest 补正 of the case (issue 12); absent from cores that predate it */
  correction: coreCorrectionSchema.nullable().optional(),
});
export type CoreCase = z.infer<typeof coreCaseSchema>;

/** What a citizen sees of their own case. */
export const caseSchema = coreCaseSchema.omit({ personId: true }).extend({
  /** 待补正（暂停计时） and 已补交，等待审核 tell a case waiting for 补正 apart from one 审查中 */
  statusLabel: z.string(),
  canRate: z.boolean(),
  /** the latest 补正, with what the citizen uploaded and where the submission stands */
  correction: correctionSchema.optional(),
});
export type CaseDetail = z.infer<typeof caseSchema>;
export const caseSummarySchema = caseSchema
  .pick({
    caseNo: true,
    itemName: true,
    hallName: true,
    status: true,
    statusLabel: true,
    decision: true,
    receivedAt: true,
    closedAt: true,
    countdown: true,
    canRate: true,
    rated: true,
  })
  .extend({ correction: correctionSummarySchema.optional() });
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });

/** Lookup without signing in: no name in full, no ID, phone or address. */
export const maskedCaseSchema = z.object({
  caseNo: z.string(),
  applicantName: z.string(),
  itemName: z.string(),
  department: z.string(),
  hallName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  decision: z.enum(DECISIONS).optional(),
  receivedAt: z.string(),
  closedAt: z.string().optional(),
  timeline: z.array(timelineEntrySchema),
  countdown: countdownSchema.nullable(),
  mailing: z.object({ state: mailingSchema.shape.state, emsNo: z.string().optional(), events: z.array(trackingEventSchema) }).nullable(),
});
export type MaskedCase = z.infer<typeof maskedCaseSchema>;
export const lookupCaseRequestSchema = z.strictObject({ caseNo: z.string().trim().toUpperCase().pipe(caseNoSchema), code: queryCodeSchema });

export const caseNoParamSchema = z.strictObject({ caseNo: caseNoSchema });
export const requestMailingSchema = z.strictObject({ address: addressSchema });

/* ---- 好差评 ---- */
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export const rateCaseRequestSchema = z.strictObject({
  level: ratingLevelSchema,
  tags: z.array(z.string().max(20)).max(7).default([]),
  comment: z.string().trim().max(CASE_RULES.commentMaxChars, `评价内容不超过${CASE_RULES.commentMaxChars}个字`).default(''),
});
export type RateCaseRequest = z.input<typeof rateCaseRequestSchema>;

export const badRatingLoopSchema = z.object({
  callbackDue: z.string(),
  calledBackAt: z.string().optional(),
  callbackNote: z.string().optional(),
  correctionDue: z.string(),
  correctedAt: z.string().optional(),
  feedback: z.string().optional(),
  callbackOverdue: z.boolean(),
  correctionOverdue: z.boolean(),
});
export const followUpSchema = z.object({
  level: ratingLevelSchema,
  tags: z.array(z.string()),
  comment: z.string(),
  ratedAt: z.string(),
  receiptId: z.string(),
});
export const coreRatingSchema = z.object({
  ratingId: z.string(),
  caseNo: z.string(),
  level: ratingLevelSchema,
  tags: z.array(z.string()),
  comment: z.string(),
  channel: z.enum(CHANNELS),
  ratedAt: z.string(),
  /** the provincial 好差评 system's receipt */
  receiptId: z.string(),
  loop: badRatingLoopSchema.nullable(),
  followUp: followUpSchema.nullable(),
  canFollowUp: z.boolean(),
});
export type CoreRating = z.infer<typeof coreRatingSchema>;
export const coreRatingStateSchema = z.object({
  caseNo: z.string(),
  channel: z.enum(CHANNELS),
  closed: z.boolean(),
  ratingDeadline: z.string().optional(),
  rating: coreRatingSchema.nullable(),
});

export const RATING_VIEW_STATES = ['not-rated', 'queued', 'relayed', 'refused'] as const;
/** My rating of a case: relayed with its receipt, or accepted by us and waiting to reach the province. */
export const caseRatingSchema = z.object({
  caseNo: z.string(),
  state: z.enum(RATING_VIEW_STATES),
  stateLabel: z.string(),
  channel: z.enum(CHANNELS),
  ratingDeadline: z.string().optional(),
  canRate: z.boolean(),
  /** for the rating form: the tags each level offers on this case's channel */
  tagsByLevel: z.record(z.string(), z.array(z.string())),
  rating: coreRatingSchema.omit({ caseNo: true }).partial({ receiptId: true, ratingId: true }).nullable(),
  /** a follow-up waiting to reach the province */
  followUpQueued: z.boolean(),
  refusal: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type CaseRating = z.infer<typeof caseRatingSchema>;

/* ---- statistics per hall and window ---- */
export const ratingStatsRowSchema = z.object({
  total: z.number().int(),
  satisfied: z.number().int(),
  /** share of ratings at 基本满意 or better, 0..1 (null without ratings) */
  satisfactionRate: z.number().nullable(),
  badCount: z.number().int(),
  corrected: z.number().int(),
  /** share of 差评 corrected with feedback, 0..1 (null without 差评) */
  correctionRate: z.number().nullable(),
  byLevel: z.record(z.string(), z.number().int()),
});
export const hallStatsSchema = z.object({
  hallId: z.string(),
  hallName: z.string(),
  hall: ratingStatsRowSchema,
  windows: z.array(ratingStatsRowSchema.extend({ windowNo: z.string() })),
});
export type HallStats = z.infer<typeof hallStatsSchema>;
export const hallIdParamSchema = z.strictObject({ hallId: z.string().regex(/^[a-z0-9-]{1,40}$/, '大厅编号格式不正确') });
