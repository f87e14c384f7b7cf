import { daysBetween, UTILITY_LABEL, yuan, type Payable, type Payment } from '@jsb/shared';

export const PAYMENTS = '/pages/payments/index';
export const PAYMENT_HISTORY = '/pages/payments/history/index';
export const paymentResultUrl = (id: string) => `/pages/payments/result/index?id=${encodeURIComponent(id)}`;

/** 8000 → ￥80.00 */
export const money = (fen: number) => `￥${yuan(fen)}`;

export const PAYABLE_STATUS_LABEL: Record<Payable['status'], string> = { due: '待缴', paid: '已缴', refundable: '可退费', refunded: '已退费' };
export const PAYMENT_STATUS_LABEL: Record<Payment['status'], string> = {
  pending: '待支付',
  paid: '已缴费',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款',
  flagged: '核对中',
};

export function payableLine(p: Payable): string {
  if (p.kind === 'fee') return `办件 ${p.caseNumber ?? ''}${p.itemName ? ` · ${p.itemName}` : ''}`;
  return `${p.utility ? UTILITY_LABEL[p.utility] : ''} ${p.period ?? ''}${p.usage ? ` · ${p.usage}` : ''}`.trim();
}

/** The URL the H5 build comes back to after the development pay page. */
export function h5ReturnUrl(origin: string, pathname: string, id: string): string {
  return `${origin}${pathname}#${paymentResultUrl(id)}`;
}

/**
 * A due bill past its 缴费截止 date says so, with how long; '' otherwise. Late fees are the company's to state, so
 * the line sends the citizen to the bill's own notice for them.
 */
export function overdueLine(p: Payable, today: string): string {
  if (p.status !== 'due' || !p.dueDate || p.dueDate >= today) return '';
  const days = daysBetween(p.dueDate, today);
  return `已过缴费截止日${days}天（截止 ${p.dueDate}），请尽快缴费；是否有滞纳金以缴费单位的通知为准。`;
}
