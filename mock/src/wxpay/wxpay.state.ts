/** What the WeChat Pay mock remembers: orders (by out_trade_no), refunds, and the notification queue. */
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

export interface WxOrder {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  amount: { total: number; currency: string };
  payer: { openid: string };
  time_expire?: string;
  attach?: string;
  /** the request body that created it, to tell a repeat from a conflicting reuse of the number */
  fingerprint: string;
  prepay_id: string;
  trade_state: TradeState;
  transaction_id?: string;
  success_time?: string;
  createdAtMs: number;
}

export interface WxRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  reason?: string;
  notify_url?: string;
  amount: { refund: number; total: number; currency: string };
  status: RefundStatus;
  create_time: string;
  success_time?: string;
  createdAtMs: number;
}

export type NotificationState = 'pending' | 'delivered' | 'gave-up' | 'lost';

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
}

export interface WxNotification {
  /** WeChat keeps the same id over every retry */
  id: string;
  url: string;
  outTradeNo: string;
  eventType: string;
  /** the encrypted body, serialised once: every retry carries the same bytes */
  body: string;
  state: NotificationState;
  attempts: DeliveryAttempt[];
  dueAtMs: number;
}

export interface NotifyFaults {
  /** drop the next n notifications entirely (never delivered, like a lost one) */
  dropNext: number;
  /** deliver each notification this many extra times at once */
  duplicates: number;
  /** send a `WECHATPAY/SIGNTEST/` probe before each notification */
  signtestProbe: boolean;
  /** sign notifications with garbage */
  badSignature: boolean;
  /** shift the Wechatpay-Timestamp of notifications and answers, in seconds */
  clockSkewSeconds: number;
}

export interface ApiFaults {
  /** answers signed with garbage */
  badResponseSignature: boolean;
  /** answers signed with a serial the merchant does not know */
  unknownResponseSerial: boolean;
}

export interface WxpayState {
  orders: Map<string, WxOrder>;
  prepay: Map<string, string>;
  refunds: Map<string, WxRefund>;
  notifications: WxNotification[];
  notifyFaults: NotifyFaults;
  apiFaults: ApiFaults;
}

export const NO_NOTIFY_FAULTS: NotifyFaults = { dropNext: 0, duplicates: 0, signtestProbe: false, badSignature: false, clockSkewSeconds: 0 };
export const NO_API_FAULTS: ApiFaults = { badResponseSignature: false, unknownResponseSerial: false };

export function createWxpayState(): WxpayState {
  return {
    orders: new Map(),
    prepay: new Map(),
    refunds: new Map(),
    notifications: [],
    notifyFaults: { ...NO_NOTIFY_FAULTS },
    apiFaults: { ...NO_API_FAULTS },
  };
}

/** WeChat's retry schedule after a failed delivery (pay.weixin.qq.com, 支付通知): 15s 15s 30s 3m 10m 20m 30m 30m 30m 60m 3h 3h 3h 6h 6h. */
export const RETRY_SCHEDULE_MS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map((s) => s * 1000);
