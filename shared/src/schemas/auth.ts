import { z } from 'zod';
import { atLeastChars, atMostChars, TEXT_LIMITS } from '../text-limits';

/** `wx.login` codes are opaque strings; WeChat's are 32 characters, we accept a little more. */
export const wechatLoginRequestSchema = z.strictObject({
  code: z.string().trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证过长'),
  device: z.string().trim().max(64).optional(),
});
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>;

export const tokenPairSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  refreshToken: z.string(),
  /** seconds until the access token expires */
  expiresIn: z.number().int(),
  /** seconds until the refresh token expires if not used */
  refreshExpiresIn: z.number().int(),
  isNewCitizen: z.boolean(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(1, '缺少刷新凭证').max(512),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const realNameSchema = z.object({
  verified: z.literal(true),
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  verifiedAt: z.string(),
});

export const meSchema = z.object({
  userId: z.string(),
  createdAt: z.string(),
  realName: realNameSchema.nullable(),
  phone: z.object({ masked: z.string(), boundAt: z.string() }).nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const bindRealNameRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(TEXT_LIMITS.name.min, atLeastChars('姓名', TEXT_LIMITS.name.min))
    .max(TEXT_LIMITS.name.max, atMostChars('姓名', TEXT_LIMITS.name.max))
    .regex(/^[\u3400-\u9fff\u{20000}-\u{2ffff}·•]+$/u, '姓名请填写身份证上的汉字')
    // the OpenAPI document carries the same class with literal characters: `\u{…}` escapes need the u flag, which
    // Python-based tools (schemathesis) cannot read, so they could not generate a name at all
    .meta({ pattern: '^[\u3400-\u9fff\u{20000}-\u{2ffff}·•]+$' }),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(20, '身份证号码应为18位'),
});
export type BindRealNameRequest = z.infer<typeof bindRealNameRequestSchema>;

export const bindPhoneRequestSchema = z.strictObject({
  code: z.string().trim().min(1, '缺少手机号授权凭证').max(128),
});
export type BindPhoneRequest = z.infer<typeof bindPhoneRequestSchema>;

/** Development sign-in on H5 only: the bff asks the WeChat mock for a login or phone code. */
export const devLoginCodeRequestSchema = z.strictObject({
  openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'openid 只能包含字母、数字、-和_'),
});
export const devPhoneCodeRequestSchema = z.strictObject({
  phoneNumber: z.string().regex(/^1[3-9]\d{9}$/, '请填写11位手机号码'),
});
export const devCodeSchema = z.object({ code: z.string() });
