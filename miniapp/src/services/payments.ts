import Taro from '@tarojs/taro';
import type { CreatePaymentResponse } from '@jsb/shared';
import { paymentResultUrl, h5ReturnUrl } from '../utils/payment-format';

export type PayOutcome = 'submitted' | 'cancelled' | 'unavailable';

/**
 * Hands the order to WeChat. Whatever the pay sheet says, the result page asks the server (which asks WeChat):
 * the client callback is never proof of payment (PRODUCT.md, Payments).
 */
export async function payWithWechat(r: CreatePaymentResponse): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    // no WeChat Pay in a browser: the development build goes to the WeChat Pay mock's pay page and comes back
    if (!r.devPayUrl) return 'unavailable';
    const back = h5ReturnUrl(window.location.origin, window.location.pathname, r.payment.id);
    window.location.href = `${r.devPayUrl}&redirect_url=${encodeURIComponent(back)}`;
    return 'submitted';
  }
  try {
    await Taro.requestPayment({ ...r.requestPayment });
  } catch (err) {
    const msg = String((err as { errMsg?: string }).errMsg ?? '');
    if (msg.includes('cancel')) return 'cancelled';
    // any other failure: the server still decides; the result page shows what WeChat says
  }
  await Taro.navigateTo({ url: paymentResultUrl(r.payment.id) });
  return 'submitted';
}
