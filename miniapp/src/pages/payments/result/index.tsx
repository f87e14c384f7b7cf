import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Payment } from '@jsb/shared';
import { asApiError, type ApiError } from '../../../api';
import { getPayment } from '../../../api/payments';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { Receipt } from '../../../components/payments/Receipt';
import { money, PAYMENT_HISTORY, PAYMENTS } from '../../../utils/payment-format';
import { param } from '../../../utils/routes';
import '../../../components/payments/index.scss';

const POLL_MS = 2000;
const GIVE_UP_MS = 60_000;

/**
 * Waits for the server's word (WeChat's signed notification or an order query), never the pay sheet's callback.
 * `wxpay=cancel` (the H5 development pay page) only changes the wording while the order is still unpaid.
 */
export default function PaymentResult() {
  const params = useRouter().params;
  const id = param(params.id);
  const cancelled = param(params.wxpay) === 'cancel';
  const [payment, setPayment] = useState<Payment | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  const [round, setRound] = useState(0);
  const started = useRef(Date.now());

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    started.current = Date.now();
    setGaveUp(false);
    const poll = async () => {
      try {
        const p = await getPayment(id);
        if (stop) return;
        setPayment(p);
        setError(null);
        if (p.status !== 'pending' || cancelled) return;
      } catch (err) {
        if (stop) return;
        setError(asApiError(err));
      }
      if (Date.now() - started.current > GIVE_UP_MS) return setGaveUp(true);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, round]);

  const back = () => void Taro.redirectTo({ url: PAYMENTS });
  const paid = payment && ['paid', 'refunding', 'refunded'].includes(payment.status);

  return (
    <Page className='payment-result'>
      {!payment && !error ? <StateBlock tone='loading' text='正在向微信支付确认结果…' /> : null}
      {error && !payment ? <ErrorNotice error={error} retryText='重新查询' onRetry={() => setRound((r) => r + 1)} /> : null}
      {payment && paid ? (
        <>
          <View className='jsb-card'>
            <View>
              <Text className='jsb-title'>缴费成功</Text>
            </View>
            <Text className='jsb-muted'>
              {payment.title} {money(payment.amountFen)} 已缴清，政务系统已收到缴费结果。
            </Text>
          </View>
          {payment.receipt ? <Receipt r={payment.receipt} /> : null}
        </>
      ) : null}
      {payment && payment.status === 'pending' && !cancelled && !gaveUp ? (
        <StateBlock tone='loading' text='正在向微信支付确认结果，请稍候，不要重复付款…' />
      ) : null}
      {payment && payment.status === 'pending' && (cancelled || gaveUp) ? (
        <StateBlock
          text={
            cancelled
              ? '您已取消支付，这笔费用还没有缴。'
              : '暂时没有收到微信支付的结果。如已付款，结果通常几分钟内到达，请稍后在缴费记录里查看，不要重复付款。'
          }
        >
          <Button type='primary' block onClick={back}>
            返回缴费
          </Button>
          <Button fill='outline' block onClick={() => setRound((r) => r + 1)}>
            重新查询
          </Button>
        </StateBlock>
      ) : null}
      {payment && payment.status === 'closed' ? (
        <StateBlock text='这笔订单已超时关闭，没有扣款。如需缴费，请重新发起。'>
          <Button type='primary' block onClick={back}>
            返回缴费
          </Button>
        </StateBlock>
      ) : null}
      {payment && payment.status === 'flagged' ? <StateBlock text='这笔缴费正在人工核对，核对完成前请不要重复付款；如有疑问请拨打12345。' /> : null}
      <Button fill='outline' block onClick={() => void Taro.redirectTo({ url: PAYMENT_HISTORY })}>
        查看缴费记录
      </Button>
    </Page>
  );
}
