import { z } from 'zod';
import { COMPLAINT_RULES } from '@jsb/shared';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');
const secret = (name: string) => z.string().min(32, `${name} must be at least 32 characters`);
const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a WeChat template id (letters, digits, _ and -)');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  BFF_HOST: z.string().default('127.0.0.1'),
  BFF_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('jishiban'),
  JWT_SECRET: secret('JWT_SECRET'),
  JWT_ISSUER: z.string().default('jishiban-bff'),
  JWT_AUDIENCE: z.string().default('jishiban-miniapp'),
  ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(3600)
    .default(30 * 24 * 3600),
  PII_HASH_SECRET: secret('PII_HASH_SECRET'),
  WECHAT_APPID: z.string().regex(/^wx[0-9a-zA-Z]{16}$/, 'must look like wx followed by 16 characters'),
  WECHAT_SECRET: z.string().min(8),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  CORE_API_BASE: z.url(),
  CORE_CLIENT_ID: z.string().default('jishiban-bff'),
  CORE_HMAC_SECRET: z.string().min(16),
  // WeChat subscription-message template ids of this mini-program (shared/src/messages/templates.ts says what each shows)
  WECHAT_TPL_BOOKING_REMINDER: templateId.default('tpl_booking_reminder'),
  WECHAT_TPL_CASE_STATUS: templateId.default('tpl_case_status'),
  WECHAT_TPL_CASE_CORRECTION: templateId.default('tpl_case_correction'),
  WECHAT_TPL_COMPLAINT_REPLY: templateId.default('tpl_complaint_reply'),
  WECHAT_TPL_RATING_LOOP: templateId.default('tpl_rating_loop'),
  WECHAT_TPL_REFUND: templateId.default('tpl_refund'),
  /** the key the core signs its event feed's pages with; default: CORE_HMAC_SECRET (the texts signed differ) */
  CORE_EVENTS_SECRET: z.string().min(16).optional(),
  /** how often the core's event feed is read (ms; one instance per round) */
  EVENTS_PULL_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  /** how often pending WeChat subscription messages are sent (ms; one instance per round) */
  PUSH_SEND_MS: z.coerce.number().int().min(200).max(60_000).default(5000),
  /** how long a missing feed position is waited for before it is skipped (ms) */
  EVENT_HOLE_GRACE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60_000),
  /** how long an instance trusts a session it found live (ms); 0 asks MongoDB on every request */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** sign-in attempts one client address may make per minute (before WeChat is asked) */
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  /**
   * How many reverse proxies in front of the bff append to X-Forwarded-For (0: none, the client is the connection's
   * address and the header is ignored). With 1, the client is the last address the header lists: the one our own
   * load balancer wrote, never one a phone made up. Rate limits per client address depend on it.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** sign-ins one WeChat user (openid) may make per 10 minutes */
  SIGNIN_LIMIT_PER_OPENID: z.coerce.number().int().min(1).default(10),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** how long a core service's circuit stays open after repeated failures before one call may try again (ms) */
  CORE_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DEV_LOGIN: bool.default(false),
  /** validate every response against its schema (default: outside production) */
  CHECK_RESPONSES: bool.optional(),
  H5_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  /** 找茬: complaints one citizen may submit per day (Asia/Shanghai); the rule's number unless set */
  COMPLAINT_DAILY_LIMIT: z.coerce.number().int().min(1).max(100).default(COMPLAINT_RULES.dailyLimit),
  // WeChat Pay v3 (缴费). All optional: without them the payment routes answer PAYMENTS_UNAVAILABLE.
  // Keys are PEM text or a path to a PEM file; WXPAY_PLATFORM_KEYS is JSON {"<serial>": "<PEM or path>"} (both keys during a migration).
  WXPAY_MCHID: z
    .string()
    .regex(/^\d{8,12}$/, 'must be the merchant number (digits)')
    .optional(),
  WXPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  WXPAY_MERCHANT_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant certificate serial (hex)')
    .optional(),
  WXPAY_MERCHANT_PRIVATE_KEY: z.string().min(1).optional(),
  WXPAY_MERCHANT_CERT: z.string().min(1).optional(),
  WXPAY_PLATFORM_KEYS: z.string().min(2).optional(),
  WXPAY_APIV3_KEY: z.string().length(32, 'must be the 32-character APIv3 key').optional(),
  /** public https URL of POST /api/v1/payments/wechat/notify */
  WXPAY_NOTIFY_URL: z.url().optional(),
  /** development only: link the H5 build to the WeChat Pay mock's pay page */
  WXPAY_DEV_PAY_PAGE: bool.default(false),
  /** minutes a citizen has to pay an order (WeChat's prepay_id lives 2 hours) */
  WXPAY_ORDER_TTL_MINUTES: z.coerce.number().int().min(5).max(120).default(120),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid bff configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once; lists every bad key at the same time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  } else if (parsed.data.NODE_ENV === 'production' && parsed.data.DEV_LOGIN) {
    problems.push('DEV_LOGIN: the development sign-in must never be enabled in production');
  } else if (parsed.data.NODE_ENV === 'production' && parsed.data.WXPAY_DEV_PAY_PAGE) {
    problems.push('WXPAY_DEV_PAY_PAGE: the development pay page must never be linked in production');
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}
