import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS =
  /^(authorization|cookie|set-cookie|access_?token|refresh_?token|accesstoken|refreshtoken|session_?key|sessionkey|secret|password|code|js_code|idnumber|id_number|phone|phonenumber|purephonenumber|token|signature|paysign|key)$/i;
// 18-digit citizen ID numbers and mainland mobile numbers anywhere inside a string.
const ID_NUMBER = /(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)/g;
const PHONE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export function redactString(s: string): string {
  return s.replace(BEARER, '$1[redacted]').replace(JWT, '[jwt]').replace(ID_NUMBER, '$1********$3').replace(PHONE, '$1****$3');
}

/** Deep copy with secrets removed and personal numbers masked; logs never see a full ID number, phone, token or session key. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack ? redactString(value.stack) : undefined };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

export function createLogger(opts: { level: string; destination?: DestinationStream; base?: Record<string, unknown> }): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: 'bff', ...opts.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: { log: (obj) => redact(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (typeof first === 'string') return method.apply(this, [redactString(first), ...rest] as Parameters<typeof method>);
          return method.apply(this, args);
        },
      },
    },
    opts.destination,
  );
}
