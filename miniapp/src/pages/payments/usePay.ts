import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Payable } from '@jsb/shared';
import { createPayment } from '../../api/payments';
import { showApiError } from '../../api/show-error';
import { payWithWechat } from '../../services/payments';
import { newIdempotencyKey } from '../../utils/random';

/** Pay one payable: one Idempotency-Key per payable until it went through, so a double tap orders once. */
export function usePay(onDone: () => void) {
  const keys = useRef(new Map<string, string>());
  const [busy, setBusy] = useState<string | null>(null);
  async function pay(p: Payable) {
    if (busy) return;
    setBusy(p.id);
    let key = keys.current.get(p.id);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(p.id, key);
    }
    try {
      const order = await createPayment(p.id, key);
      keys.current.delete(p.id);
      const outcome = await payWithWechat(order);
      if (outcome === 'cancelled') await Taro.showToast({ title: '已取消支付，可稍后再缴', icon: 'none' });
      if (outcome === 'unavailable')
        await Taro.showModal({
          title: '请在微信中缴费',
          content: '网页版不能调用微信支付，请在“济时办”微信小程序里缴费。',
          showCancel: false,
          confirmText: '知道了',
        });
      onDone();
    } catch (err) {
      await showApiError(err);
    } finally {
      setBusy(null);
    }
  }
  return { pay, busy };
}
