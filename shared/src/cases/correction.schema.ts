import { z } from 'zod';
import { PHOTO_TYPES } from '../schemas/complaints';
import { materialFormSchema } from '../booking/catalog.schema';

/**
 * 补正 online (issue 12): a case paused until the applicant hands in what is missing. The core owns the request (which
 * materials, why, how many, original or copy, the deadline from CORRECTION_RULES) and its review; the bff keeps the
 * files the citizen uploads until the core has them, and says where the submission stands.
 */
/** What the window asks for, one material at a time. */
export const correctionMaterialSpecSchema = z.object({
  name: z.string().min(1).max(40),
  /** why it is needed or what was wrong with what was handed in */
  reason: z.string().min(1).max(200),
  copies: z.number().int().min(1).max(20),
  /** 原件, 复印件, 原件及复印件, 电子件: the same forms as an item's material list (一次告知) */
  form: materialFormSchema,
});
export type CorrectionMaterialSpec = z.infer<typeof correctionMaterialSpecSchema>;

/** Photos of pages (JPEG, PNG, WebP) or a PDF: the type is read from the bytes, never from the name. */
export const CORRECTION_FILE_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;
export type CorrectionFileType = (typeof CORRECTION_FILE_TYPES)[number];

export const materialRejectionSchema = z.object({ reason: z.string(), whatToDo: z.string() });

/** Where the materials could be handed in instead (the window that took the application). */
export const counterSchema = z.object({ hallName: z.string(), windowNo: z.string(), address: z.string(), phone: z.string(), hours: z.string() });

/* ---- the core's record (core ↔ bff) ---- */

/** The notice's facts, the same in the core's record and in our view: why, when, and the deadline in working days. */
const noticeFields = {
  reason: z.string(),
  requestedAt: z.string(),
  /** the last day (Asia/Shanghai) to hand the materials in: `workingDays` after the notice */
  deadline: z.string(),
  /** the rule: working days the applicant has from the notice */
  workingDays: z.number().int(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
};

export const CORE_CORRECTION_STATES = ['requested', 'submitted', 'rejected', 'accepted'] as const;
export const coreCorrectionFileSchema = z.object({
  fileId: z.string(),
  contentType: z.enum(CORRECTION_FILE_TYPES),
  bytes: z.number().int(),
  pages: z.number().int(),
});
export const coreCorrectionSchema = z.object({
  id: z.string(),
  state: z.enum(CORE_CORRECTION_STATES),
  ...noticeFields,
  materials: z.array(
    correctionMaterialSpecSchema.extend({ id: z.string(), files: z.array(coreCorrectionFileSchema), rejection: materialRejectionSchema.optional() }),
  ),
  counter: counterSchema,
  /** submissions received so far (a rejected one is followed by another) */
  submissions: z.number().int(),
  submittedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  /** accepted: handed in online, or at the window */
  how: z.enum(['online', 'counter']).optional(),
  rejection: materialRejectionSchema.extend({ at: z.string() }).optional(),
});
export type CoreCorrection = z.infer<typeof coreCorrectionSchema>;

/* ---- what the citizen sees (bff ↔ miniapp) ---- */

/**
 * requested: 待补正 (upload each material); submitted: 已补交，等待审核 (also while the bff still waits to hand it to
 * the core: `queued`); rejected: 补正未通过 (each material says why and what to do; upload again); accepted: 补正已通过,
 * the clock runs again.
 */
export const CORRECTION_STATES = CORE_CORRECTION_STATES;
export type CorrectionState = (typeof CORRECTION_STATES)[number];
export const CORRECTION_STATE_LABEL: Record<CorrectionState, string> = {
  requested: '待补正',
  submitted: '已补交，等待审核',
  rejected: '补正未通过，请重新补交',
  accepted: '补正已通过，恢复计时',
};

export const correctionFileSchema = z.object({
  id: z.string(),
  type: z.enum(CORRECTION_FILE_TYPES),
  bytes: z.number().int(),
  /** pages in the file: 1 for a photo, the page count of a PDF */
  pages: z.number().int(),
  uploadedAt: z.string(),
  /** part of a submission already handed in (it can no longer be removed) */
  submitted: z.boolean(),
  /** location, camera, author and other metadata were removed before it was stored */
  metadataRemoved: z.literal(true),
});
export type CorrectionFile = z.infer<typeof correctionFileSchema>;

export const correctionMaterialSchema = correctionMaterialSpecSchema.extend({
  id: z.string(),
  /** "复印件2份" */
  formLabel: z.string(),
  files: z.array(correctionFileSchema),
  rejection: materialRejectionSchema.optional(),
});

export const correctionSchema = z.object({
  id: z.string(),
  state: z.enum(CORRECTION_STATES),
  stateLabel: z.string(),
  /** what to do next, in one sentence */
  notice: z.string(),
  ...noticeFields,
  materials: z.array(correctionMaterialSchema),
  counter: counterSchema,
  submittedAt: z.string().optional(),
  /** submitted here but not yet handed to the core (it is down): nothing is lost, it goes when the core is back */
  queued: z.boolean(),
  decidedAt: z.string().optional(),
  rejection: materialRejectionSchema.extend({ at: z.string() }).optional(),
  canUpload: z.boolean(),
  canSubmit: z.boolean(),
  limits: z.object({ maxFilesPerMaterial: z.number().int(), fileMaxBytes: z.number().int(), types: z.array(z.enum(CORRECTION_FILE_TYPES)) }),
});
export type Correction = z.infer<typeof correctionSchema>;

/** The part of the correction a case list shows (待补正 with its deadline, 已补交 …). */
export const correctionSummarySchema = correctionSchema.pick({ state: true, stateLabel: true, deadline: true, workingDaysLeft: true, overdue: true });

export const correctionMaterialParamSchema = z.strictObject({
  caseNo: z.string().regex(/^JN\d{13}$/, '办件编号格式不正确，应为JN开头的15位编号'),
  materialId: z.string().regex(/^M\d{1,2}$/, '材料编号格式不正确'),
});
export const correctionFileParamSchema = correctionMaterialParamSchema.extend({ fileId: z.string().regex(/^cf_[a-f0-9]{24}$/, '文件编号格式不正确') });
