import { z } from 'zod';

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
  // upstream and server
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
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
  OUTSIDE_BOOKING_WINDOW: { message: '这个时段现在不能预约。', hint: '可预约2小时后至7天内的时段，请重新选择。' },
  DAILY_LIMIT: { message: '您当天已预约过这个事项。', hint: '同一事项每天只能预约一次；如需改时间，请在“我的预约”里改约。' },
  ACTIVE_LIMIT: { message: '您已有3个未完成的预约。', hint: '请先办完或取消其中一个，再预约新的。' },
  CANCEL_TOO_LATE: { message: '距离预约时间已不足2小时，不能在网上取消或改约。', hint: '请按时到大厅办理；如确实无法前往，请拨打大厅电话说明。' },
  BOOKING_SUSPENDED: { message: '您的网上预约资格已暂停。', hint: '暂停期间可到大厅现场取号办理。' },
  HALL_CLOSED: { message: '大厅这一天不提供预约服务。', hint: '请选择其他日期，或选择提供周末服务的专区。' },
  ITEM_NOT_AT_HALL: { message: '这个大厅不办理该事项。', hint: '请选择可办理该事项的大厅。' },
  WEEKEND_NOT_OFFERED: { message: '这个事项不提供周末和节假日预约。', hint: '请选择工作日或错时延时时段。' },
  BOOKING_NOT_ACTIVE: { message: '这个预约已取消或已办理，不能再修改。', hint: '如需办理，请重新预约。' },
  UPSTREAM_UNAVAILABLE: {
    message: '政务系统暂时无法连接。',
    hint: '请稍后重试；您填写的内容不会丢失。急需办理可拨打12345。',
  },
  UPSTREAM_TIMEOUT: { message: '政务系统响应超时。', hint: '请稍后刷新查看结果，不要重复提交。' },
  INTERNAL: { message: '系统出了点问题。', hint: '请稍后重试；如多次出现，请拨打12345反映。' },
};
