/// <reference types="@tarojs/taro" />
/// <reference types="miniprogram-api-typings" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.jpg' {
  const src: string;
  export default src;
}
declare module '*.jpeg' {
  const src: string;
  export default src;
}
declare module '*.gif' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** the platform being built; weapp-only or h5-only branches are compiled out of the other build */
    TARO_ENV: 'weapp' | 'h5';
    /** read only in src/config.ts; defined in .env.development / .env.production */
    TARO_APP_ENV: 'development' | 'production';
    TARO_APP_API_BASE: string;
    TARO_APP_H5_API_BASE: string;
    TARO_APP_ID?: string;
  }
}

/**
 * Taro replaces `process.env.X` at build time; there is no `process` at run time (no @types/node here,
 * so Node-only APIs do not creep into code that runs in WeChat).
 */
declare const process: { env: NodeJS.ProcessEnv };
