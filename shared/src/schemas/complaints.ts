import { z } from 'zod';
import { TEXT_LIMITS } from '../text-limits';
import { COMPLAINT_RULES } from '../complaints/rules';

/**
 * 找茬 complaints (PRODUCT.md): categories, the workflow, the reply rating, and the SLA in working days.
 * Two shapes cross the wire: the core's complaint record (core ↔ bff) and the citizen's view (bff ↔ miniapp).
 */
export const COMPLAINT_CATEGORIES = ['服务态度', '办事效率', '一次告知不到位', '推诿/说"No"', '系统设备故障', '环境设施', '其他'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The core's workflow. `reopened` is the citizen's one second chance after a reply. */
export const CORE_COMPLAINT_STATUSES = ['submitted', 'acknowledged', 'in-progress', 'replied', 'reopened', 'closed'] as const;
export type CoreComplaintStatus = (typeof CORE_COMPLAINT_STATUSES)[number];
/** The citizen also sees the bff's own states: waiting in the outbox, or refused by the core on delivery. */
export const COMPLAINT_STATUSES = ['queued', ...CORE_COMPLAINT_STATUSES, 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABEL: Record<ComplaintStatus, string> = {
  queued: '已提交，等待转交',
  submitted: '已转交，等待签收',
  acknowledged: '已签收',
  'in-progress': '办理中',
  replied: '已答复',
  reopened: '重新办理中',
  closed: '已办结',
  rejected: '未能转交',
};

export const COMPLAINT_RATINGS = ['满意', '基本满意', '不满意'] as const;
export type ComplaintRating = (typeof COMPLAINT_RATINGS)[number];

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** GET /api/v1/complaints/{id}/photos/{photoId} */
export const complaintPhotoParamSchema = z.strictObject({
  id: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.:-]{1,80}$/, '编号格式不正确'),
  photoId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '照片编号格式不正确'),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const complaintTargetSchema = z.object({
  hallId: z.string().min(1).max(40),
  hallName: z.string().optional(),
  zoneId: z.string().max(40).optional(),
  zoneName: z.string().optional(),
  windowNo: z.string().max(TEXT_LIMITS.windowNo.max).optional(),
  staffNo: z.string().max(TEXT_LIMITS.staffNo.max).optional(),
});
export type ComplaintTarget = z.infer<typeof complaintTargetSchema>;

export const complaintReplySchema = z.object({
  at: z.string(),
  text: z.string(),
  /** the department or role that answered, never a staff member's personal data */
  by: z.string(),
  rating: z.enum(COMPLAINT_RATINGS).optional(),
  ratedAt: z.string().optional(),
});

export const complaintEventSchema = z.object({
  at: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  label: z.string(),
  note: z.string().optional(),
});
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;

export const complaintSlaSchema = z.object({
  acknowledgeBy: isoDate,
  replyBy: isoDate,
  acknowledgeOverdue: z.boolean(),
  replyOverdue: z.boolean(),
  /** working days left until the reply is due (0 = due today, negative = overdue) */
  replyWorkingDaysLeft: z.number().int(),
});
export type ComplaintSla = z.infer<typeof complaintSlaSchema>;

/** The core's record as the citizen's channel reads it (GET /core/v1/complaints/:id?personId=). */
export const coreComplaintSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  clientRef: z.string().optional(),
  category: z.enum(COMPLAINT_CATEGORIES),
  target: complaintTargetSchema,
  description: z.string(),
  anonymous: z.boolean(),
  photoIds: z.array(z.string()),
  status: z.enum(CORE_COMPLAINT_STATUSES),
  createdAt: z.string(),
  sla: complaintSlaSchema,
  replies: z.array(complaintReplySchema),
  timeline: z.array(complaintEventSchema),
  reopenedAt: z.string().optional(),
  reopenReason: z.string().optional(),
  /** the last day a reopen is accepted, when a reply exists and none was used yet */
  reopenUntil: z.string().optional(),
  closedAt: z.string().optional(),
});
export type CoreComplaint = z.infer<typeof coreComplaintSchema>;

/* ---- the bff's API ---- */

export const uploadedPhotoSchema = z.object({
  id: z.string(),
  /** the type read from the bytes, whatever the file was called */
  type: z.enum(PHOTO_TYPES),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** true: location and camera data were removed */
  metadataRemoved: z.literal(true),
});
export type UploadedPhoto = z.infer<typeof uploadedPhotoSchema>;

export const createComplaintRequestSchema = z.strictObject({
  category: z.enum(COMPLAINT_CATEGORIES, { message: '请选择问题类型' }),
  target: z.strictObject({
    hallId: z.string().min(1, '请选择大厅').max(40),
    zoneId: z.string().max(40).optional(),
    windowNo: z
      .string()
      .trim()
      .regex(new RegExp(`^[A-Za-z0-9-]{1,${TEXT_LIMITS.windowNo.max}}$`), '窗口号只填数字或字母，如 12 或 A3')
      .optional(),
    staffNo: z
      .string()
      .trim()
      .regex(new RegExp(`^[A-Za-z0-9-]{1,${TEXT_LIMITS.staffNo.max}}$`), '工号只填数字或字母')
      .optional(),
  }),
  description: z
    .string()
    .trim()
    .min(COMPLAINT_RULES.descriptionMin, `请至少写${COMPLAINT_RULES.descriptionMin}个字，说清遇到了什么问题`)
    .max(COMPLAINT_RULES.descriptionMax, `描述不超过${COMPLAINT_RULES.descriptionMax}字`),
  anonymous: z.boolean().default(false),
  // more than 4 is refused by the bff as TOO_MANY_PHOTOS (with a hint); this bound only keeps the body small
  photoIds: z
    .array(z.string().regex(/^ph_[a-f0-9]{24}$/, '照片编号不正确'))
    .max(20)
    .default([]),
});
export type CreateComplaintRequest = z.input<typeof createComplaintRequestSchema>;

export const rateComplaintReplyRequestSchema = z.strictObject({
  rating: z.enum(COMPLAINT_RATINGS, { message: '请选择满意、基本满意或不满意' }),
  comment: z.string().trim().max(COMPLAINT_RULES.ratingCommentMax, `评价不超过${COMPLAINT_RULES.ratingCommentMax}字`).optional(),
});
export type RateComplaintReplyRequest = z.infer<typeof rateComplaintReplyRequestSchema>;

export const reopenComplaintRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(COMPLAINT_RULES.reopenReasonMin, `请至少写${COMPLAINT_RULES.reopenReasonMin}个字，说明哪里还没解决`)
    .max(COMPLAINT_RULES.reopenReasonMax, `不超过${COMPLAINT_RULES.reopenReasonMax}字`),
});
export type ReopenComplaintRequest = z.infer<typeof reopenComplaintRequestSchema>;

/** What a citizen sees of their complaint: queued in the bff, or as the core holds it. */
export const complaintSchema = z.object({
  /** stable from the moment of submission (the tracking number comes later) */
  id: z.string(),
  trackingNo: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  statusLabel: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  target: complaintTargetSchema,
  description: z.string(),
  anonymous: z.boolean(),
  photoCount: z.number().int(),
  /** the photos, each readable by its owner at /api/v1/complaints/{id}/photos/{photoId} */
  photoIds: z.array(z.string()),
  submittedAt: z.string(),
  sla: complaintSlaSchema.nullable(),
  overdue: z.boolean(),
  timeline: z.array(complaintEventSchema),
  replies: z.array(complaintReplySchema),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  /** why reopening is not possible now, in words for the citizen */
  reopenNote: z.string().optional(),
  reopenUntil: z.string().optional(),
  /** a note about this view, e.g. that the core could not be reached and the state may be stale */
  notice: z.string().optional(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintListSchema = z.object({
  complaints: z.array(complaintSchema),
  notice: z.string().optional(),
});
export type ComplaintList = z.infer<typeof complaintListSchema>;
