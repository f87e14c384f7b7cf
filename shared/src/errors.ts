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
  UPSTREAM_UNAVAILABLE: {
    message: '政务系统暂时无法连接。',
    hint: '请稍后重试；您填写的内容不会丢失。急需办理可拨打12345。',
  },
  UPSTREAM_TIMEOUT: { message: '政务系统响应超时。', hint: '请稍后刷新查看结果，不要重复提交。' },
  INTERNAL: { message: '系统出了点问题。', hint: '请稍后重试；如多次出现，请拨打12345反映。' },
};
