import { z } from 'zod';
import { DEFAULT_SLOT_RULES } from './booking/rules';
import { CORRECTION_RULES } from './cases/rules';
import { bookingWords, caseWords, complaintWords, correctionWords } from './rule-words';

/**
 * Every error code the API can answer. The bff maps each to an HTTP status in one table
 * (bff/src/http/error-status.ts); the miniapp may branch on them.
 * Each code has a default citizen-facing message and hint (Chinese) that say what happened
 * and what to do next (只说 Yes, 不说 No). A service may pass a more specific message or hint.
 */
export const ERROR_CODES = [
  // request shape
  'VALIDATION_FAILED',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'IDEMPOTENCY_CONFLICT',
  // auth
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'SESSION_REVOKED',
  'REFRESH_INVALID',
  'REFRESH_REUSED',
  'WECHAT_CODE_INVALID',
  'WECHAT_CODE_USED',
  'WECHAT_RATE_LIMITED',
  // identity
  'ID_NUMBER_INVALID',
  'REAL_NAME_MISMATCH',
  'REAL_NAME_REQUIRED',
  'PHONE_CODE_INVALID',
  // booking
  'SLOT_FULL',
  'SLOT_NOT_FOUND',
  'OUTSIDE_BOOKING_WINDOW',
  'DAILY_LIMIT',
  'ACTIVE_LIMIT',
  'CANCEL_TOO_LATE',
  'BOOKING_SUSPENDED',
  'HALL_CLOSED',
  'ITEM_NOT_AT_HALL',
  'WEEKEND_NOT_OFFERED',
  'BOOKING_NOT_ACTIVE',
  // cases and ratings (进度, 好差评, 免费邮寄)
  'CASE_NOT_CLOSED',
  'ALREADY_RATED',
  'RATING_WINDOW_CLOSED',
  'TAG_NOT_FOR_LEVEL',
  'TAG_REQUIRED',
  'FOLLOW_UP_NOT_ALLOWED',
  'LOOKUP_CODE_WRONG',
  'TOO_MANY_ATTEMPTS',
  'MAILING_NOT_AVAILABLE',
  // complaints (找茬)
  'PHOTO_TYPE_NOT_ALLOWED',
  'PHOTO_TOO_LARGE',
  'PHOTO_UNREADABLE',
  'PHOTO_NOT_FOUND',
  'TOO_MANY_PHOTOS',
  'COMPLAINT_DAILY_LIMIT',
  'COMPLAINT_NOT_REPLIED',
  'COMPLAINT_ALREADY_RATED',
  'REOPEN_NOT_ALLOWED',
  // 补正 online (issue 12)
  'CORRECTION_NOT_OPEN',
  'CORRECTION_OVERDUE',
  'MATERIAL_MISSING',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'TOO_MANY_FILES',
  // payments (缴费)
  'PAYMENTS_UNAVAILABLE',
  'ALREADY_PAID',
  'ACCOUNT_NOT_FOUND',
  'REFUND_NOT_ALLOWED',
  // upstream and server
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorCodeSchema = z.enum(ERROR_CODES);

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    hint: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const booking = bookingWords();
const cases = caseWords();
const complaints = complaintWords();
const corrections = correctionWords();

export const ERROR_TEXT: Record<ErrorCode, { message: string; hint: string }> = {
  VALIDATION_FAILED: { message: '填写的内容有误，未能提交。', hint: '请按提示修改标红的内容后再提交。' },
  BODY_TOO_LARGE: { message: '提交的内容过大，未能接收。', hint: '请删减内容或压缩图片后重试。' },
  UNSUPPORTED_MEDIA_TYPE: { message: '提交的数据格式无法识别。', hint: '请更新小程序到最新版本后重试。' },
  NOT_FOUND: { message: '没有找到您要的内容。', hint: '请返回上一页刷新后重试；如仍有疑问，请拨打12345咨询。' },
  METHOD_NOT_ALLOWED: { message: '这个操作暂不支持。', hint: '请更新小程序到最新版本后重试。' },
  RATE_LIMITED: { message: '操作太频繁，请稍候。', hint: '请等待一分钟后再试。' },
  IDEMPOTENCY_CONFLICT: { message: '同一次提交的内容前后不一致。', hint: '请返回重新填写后再提交。' },
  UNAUTHENTICATED: { message: '您还没有登录。', hint: '请在“我的”页面点击“微信一键登录”后再操作。' },
  TOKEN_EXPIRED: { message: '登录已过期。', hint: '请重新登录后再操作。' },
  TOKEN_INVALID: { message: '登录状态无效。', hint: '请退出后重新登录。' },
  SESSION_REVOKED: { message: '您已在此设备上退出登录。', hint: '请重新登录后再操作。' },
  REFRESH_INVALID: { message: '登录状态已失效。', hint: '请重新登录。' },
  REFRESH_REUSED: {
    message: '检测到登录凭证被重复使用，为保护您的账号已退出登录。',
    hint: '请重新登录；如非本人操作，请尽快联系12345。',
  },
  WECHAT_CODE_INVALID: { message: '微信登录凭证无效。', hint: '请重新点击“微信一键登录”。' },
  WECHAT_CODE_USED: { message: '微信登录凭证已使用过。', hint: '请重新点击“微信一键登录”获取新的凭证。' },
  WECHAT_RATE_LIMITED: { message: '微信登录服务繁忙。', hint: '请稍等一分钟后再登录。' },
  ID_NUMBER_INVALID: {
    message: '身份证号码校验未通过。',
    hint: '请核对18位身份证号码，最后一位可能是数字或字母X。',
  },
  REAL_NAME_MISMATCH: {
    message: '姓名与身份证号码不一致。',
    hint: '请核对姓名中的汉字（含生僻字）与身份证上完全一致后重试；也可携带身份证到任一政务服务大厅现场办理。',
  },
  REAL_NAME_REQUIRED: { message: '这项服务需要先完成实名认证。', hint: '请到“我的 › 实名认证”填写姓名和身份证号码。' },
  PHONE_CODE_INVALID: { message: '手机号授权已失效。', hint: '请重新点击“绑定手机号”并允许授权。' },
  SLOT_FULL: { message: '这个时段已约满。', hint: '请选择其他时段；下方列出了最近的空余时段。' },
  SLOT_NOT_FOUND: { message: '没有找到这个时段。', hint: '请返回刷新时段列表后重新选择。' },
  OUTSIDE_BOOKING_WINDOW: { message: '这个时段现在不能预约。', hint: `${booking.window}，请重新选择。` },
  DAILY_LIMIT: { message: '您当天已预约过这个事项。', hint: `${booking.perItemPerDay}；如需改时间，请在“我的预约”里改约。` },
  ACTIVE_LIMIT: { message: `您已有${DEFAULT_SLOT_RULES.maxActiveBookings}个未完成的预约。`, hint: '请先办完或取消其中一个，再预约新的。' },
  CANCEL_TOO_LATE: { message: `${booking.cancelTooLate}，不能在网上取消或改约。`, hint: '请按时到大厅办理；如确实无法前往，请拨打大厅电话说明。' },
  BOOKING_SUSPENDED: { message: '您的网上预约资格已暂停。', hint: '暂停期间可到大厅现场取号办理。' },
  HALL_CLOSED: { message: '大厅这一天不提供预约服务。', hint: '请选择其他日期，或选择提供周末服务的专区。' },
  ITEM_NOT_AT_HALL: { message: '这个大厅不办理该事项。', hint: '请选择可办理该事项的大厅。' },
  WEEKEND_NOT_OFFERED: { message: '这个事项不提供周末和节假日预约。', hint: '请选择工作日或错时延时时段。' },
  BOOKING_NOT_ACTIVE: { message: '这个预约已取消或已办理，不能再修改。', hint: '如需办理，请重新预约。' },
  CASE_NOT_CLOSED: { message: '这个办件还没有办结，暂时不能评价。', hint: `${cases.ratingWindow}（以结果出具日算）；可在“进度”里查看办理到哪一步。` },
  ALREADY_RATED: { message: '这个办件您已经评价过了。', hint: '每个办件只能评价一次；如评价为不满意，整改反馈后还可以追评一次。' },
  RATING_WINDOW_CLOSED: { message: '已超过评价期限。', hint: `${cases.ratingWindow}；如对服务有意见，可以通过“找茬”反映，或拨打12345。` },
  TAG_NOT_FOR_LEVEL: { message: '所选标签与评价等级不一致。', hint: '请按所选等级重新勾选页面上列出的标签。' },
  TAG_REQUIRED: { message: '不满意的评价需要选择至少一个原因。', hint: '请勾选一个或多个问题标签，便于大厅有针对性地整改。' },
  FOLLOW_UP_NOT_ALLOWED: { message: '现在还不能追评。', hint: '不满意的评价在大厅回访并整改反馈后，可以追评一次。' },
  LOOKUP_CODE_WRONG: { message: '办件编号或查询码不正确。', hint: '请核对受理单上的办件编号（JN开头）和6位查询码；登录后可在“我的办件”直接查看。' },
  TOO_MANY_ATTEMPTS: { message: '查询码输错次数过多，已暂停查询。', hint: '请稍后再试；登录后可在“我的办件”直接查看，无需查询码。' },
  MAILING_NOT_AVAILABLE: { message: '这个办件现在不能申请邮寄。', hint: '作出决定后、结果寄出前可以申请免费邮寄；已寄出的请查看物流信息。' },
  PHOTO_TYPE_NOT_ALLOWED: { message: '这个文件不是可用的照片。', hint: '只接收 JPEG、PNG 或 WebP 格式的照片，请重新拍照或从相册选择照片。' },
  PHOTO_TOO_LARGE: { message: '照片太大了。', hint: `${complaints.photoMax}；请在相册里选择压缩后再上传，或重新拍一张。` },
  PHOTO_UNREADABLE: { message: '这张照片无法读取。', hint: '照片可能已损坏或像素过大，请重新拍一张或换一张照片。' },
  PHOTO_NOT_FOUND: { message: '照片已失效。', hint: `${complaints.photoKept}，请删除这张照片后重新添加。` },
  TOO_MANY_PHOTOS: { message: `${complaints.photosMax}。`, hint: '请删掉多余的照片后再提交。' },
  COMPLAINT_DAILY_LIMIT: { message: '您今天提交的找茬已达到上限。', hint: '请明天再提交；紧急情况可拨打12345政务服务便民热线。' },
  COMPLAINT_NOT_REPLIED: { message: '这条找茬还没有答复。', hint: '收到答复后才能评价；可在详情页查看答复期限。' },
  COMPLAINT_ALREADY_RATED: { message: '您已经评价过这次答复。', hint: `如果问题没有解决，${complaints.reopen}。` },
  REOPEN_NOT_ALLOWED: { message: '这条找茬现在不能重新办理。', hint: '如问题仍未解决，请拨打12345政务服务便民热线反映。' },
  CORRECTION_NOT_OPEN: { message: '这个办件现在不需要补正材料。', hint: '已补交的材料正在审核，结果会通过“消息”通知您；可在“进度”查看办件。' },
  CORRECTION_OVERDUE: { message: '已超过补正期限，不能在网上补交了。', hint: '请带齐材料到受理窗口咨询办理，或拨打大厅电话说明情况。' },
  MATERIAL_MISSING: { message: '还有材料没有上传。', hint: '请为每一项材料至少上传一页照片或一个PDF，再提交。' },
  FILE_TYPE_NOT_ALLOWED: { message: '这个文件不是照片或PDF。', hint: '请拍照上传，或选择 JPEG、PNG、WebP 照片或 PDF 文件；文件名的后缀不能决定文件类型。' },
  FILE_TOO_LARGE: { message: '文件太大了。', hint: `${corrections.fileMax}；照片请选择压缩后上传，PDF请分成几个文件。` },
  FILE_UNREADABLE: { message: '这个文件无法读取。', hint: '文件可能已损坏、加密或含有脚本，请重新拍照，或另存为普通PDF后上传。' },
  TOO_MANY_FILES: {
    message: '这项材料的文件太多了。',
    hint: `每项材料最多${CORRECTION_RULES.maxFilesPerMaterial}个文件；多页的可以合成一个PDF，或删掉拍得不清楚的页。`,
  },
  PAYMENTS_UNAVAILABLE: { message: '网上缴费暂未开通。', hint: '请到大厅收费窗口缴费，或稍后再试；如有疑问请拨打12345。' },
  ALREADY_PAID: { message: '这笔费用已经缴清，无需再缴。', hint: '可在“缴费记录”里查看电子凭证；如发现重复扣款，系统会自动原路退回。' },
  ACCOUNT_NOT_FOUND: { message: '没有找到这个户号。', hint: '请核对缴费通知单或账单上的户号（只填数字）后重新查询。' },
  REFUND_NOT_ALLOWED: { message: '这笔缴费现在不能退款。', hint: '只有申请撤回、经窗口确认可退费的事项收费才能退款；如有疑问请拨打12345。' },
  UPSTREAM_UNAVAILABLE: {
    message: '政务系统暂时无法连接。',
    hint: '请稍后重试；您填写的内容不会丢失。急需办理可拨打12345。',
  },
  UPSTREAM_TIMEOUT: { message: '政务系统响应超时。', hint: '请稍后刷新查看结果，不要重复提交。' },
  SERVICE_UNAVAILABLE: { message: '服务暂时不可用，正在自动恢复。', hint: '请过一两分钟再试；之前已提交成功的内容不受影响。' },
  INTERNAL: { message: '系统出了点问题。', hint: '请稍后重试；如多次出现，请拨打12345反映。' },
};
