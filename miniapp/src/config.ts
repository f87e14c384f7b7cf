/**
 * The only module that reads build-time variables. Taro replaces each `process.env.X` below with a literal
 * at build time; a key missing from .env.* would stay as `process.env.X` and crash (no `process` on H5 or weapp).
 */
export type Platform = 'weapp' | 'h5';

export interface AppConfig {
  platform: Platform;
  /** '' = same origin (H5 behind the bff); weapp needs an absolute https URL */
  apiBase: string;
  env: 'development' | 'production';
  /** H5 has no wx.login: sign in through the bff's development endpoints instead */
  devSignIn: boolean;
  /** ms before a request counts as a network failure */
  requestTimeoutMs: number;
}

const platform: Platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

export const config: AppConfig = {
  platform,
  apiBase: trimSlash(platform === 'h5' ? process.env.TARO_APP_H5_API_BASE : process.env.TARO_APP_API_BASE),
  env: process.env.TARO_APP_ENV === 'development' ? 'development' : 'production',
  devSignIn: platform === 'h5',
  requestTimeoutMs: 15000,
};

function trimSlash(base: string | undefined): string {
  return (base ?? '').trim().replace(/\/+$/, '');
}
