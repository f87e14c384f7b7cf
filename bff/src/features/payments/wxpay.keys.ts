import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../../config';

/** What talking to WeChat Pay needs, read once from the configuration (PEM text or a path to a PEM file). */
export interface WxpaySettings {
  appid: string;
  mchid: string;
  apiBase: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  merchantCertPem: string;
  /** platform public keys by serial (a certificate serial or PUB_KEY_ID_…) */
  platformKeys: Record<string, string>;
  apiV3Key: string;
  notifyUrl: () => string | undefined;
  devPayPage: boolean;
  orderTtlMs: number;
}

const pem = (value: string, name: string): string => {
  if (value.includes('-----BEGIN')) return value;
  if (!existsSync(value)) throw new Error(`${name}: neither PEM text nor a readable file: ${value}`);
  return readFileSync(value, 'utf8');
};

/** null when payments are not configured (the routes then answer PAYMENTS_UNAVAILABLE); throws on a half or broken setup. */
export function wxpaySettings(config: Config): WxpaySettings | null {
  const keys = ['WXPAY_MCHID', 'WXPAY_MERCHANT_SERIAL', 'WXPAY_MERCHANT_PRIVATE_KEY', 'WXPAY_MERCHANT_CERT', 'WXPAY_PLATFORM_KEYS', 'WXPAY_APIV3_KEY'] as const;
  const missing = keys.filter((k) => !config[k]);
  if (missing.length === keys.length) return null;
  if (missing.length) throw new Error(`WeChat Pay is half configured; missing: ${missing.join(', ')}`);
  let platform: Record<string, string>;
  try {
    platform = JSON.parse(config.WXPAY_PLATFORM_KEYS!) as Record<string, string>;
  } catch {
    throw new Error('WXPAY_PLATFORM_KEYS must be JSON: {"<serial>": "<PEM or path>"}');
  }
  const platformKeys: Record<string, string> = {};
  for (const [serial, value] of Object.entries(platform)) platformKeys[serial] = pem(value, `WXPAY_PLATFORM_KEYS.${serial}`);
  if (!Object.keys(platformKeys).length) throw new Error('WXPAY_PLATFORM_KEYS holds no key');
  return {
    appid: config.WECHAT_APPID,
    mchid: config.WXPAY_MCHID!,
    apiBase: config.WXPAY_API_BASE.replace(/\/$/, ''),
    merchantSerial: config.WXPAY_MERCHANT_SERIAL!.toUpperCase(),
    merchantPrivateKeyPem: pem(config.WXPAY_MERCHANT_PRIVATE_KEY!, 'WXPAY_MERCHANT_PRIVATE_KEY'),
    merchantCertPem: pem(config.WXPAY_MERCHANT_CERT!, 'WXPAY_MERCHANT_CERT'),
    platformKeys,
    apiV3Key: config.WXPAY_APIV3_KEY!,
    // read at order time: the notify URL is the bff's own public address (tests learn it after listening)
    notifyUrl: () => config.WXPAY_NOTIFY_URL,
    devPayPage: config.WXPAY_DEV_PAY_PAGE && config.NODE_ENV !== 'production',
    orderTtlMs: config.WXPAY_ORDER_TTL_MINUTES * 60_000,
  };
}
