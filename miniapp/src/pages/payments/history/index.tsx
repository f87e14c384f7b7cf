import { fullMomentText } from '@jsb/shared';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Payment } from '@jsb/shared';
import { listMyPayments, requestRefund } from '../../../api/payments';
import { showApiError } from '../../../api/show-error';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { IdentityStep } from '../../../components/IdentityStep';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { Receipt } from '../../../components/payments/Receipt';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSubmit } from '../../../hooks/useSubmit';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { money, PAYMENT_STATUS_LABEL, PAYMENTS, paymentResultUrl } from '../../../utils/payment-format';
import '../../../components/payments/index.scss';
import { tappable } from '../../../utils/a11y';

/** 缴费记录: newest first, each with its 电子缴费凭证; a refundable fee offers 申请退费. */
export default function PaymentHistory() {
  const signedIn = useSignedIn();
  const list = useLoad(listMyPayments, [], signedIn);
  useReshow(() => list.reload());
  const [open, setOpen] = useState<string | null>(null);
  // which fee's 申请退费 is running
  const [asked, setAsked] = useState<string | null>(null);
  const refunding = useSubmit(
    async (p: Payment) => {
      await requestRefund(p.id);
      list.reload();
    },
    { onError: showApiError },
  );

  if (!signedIn)
    return (
      <Page>
        <IdentityStep need='signIn' why='登录后可以查看缴费记录和电子凭证。' />
      </Page>
    );

  async function refund(p: Payment) {
    const ok = await Taro.showModal({
      title: '申请退费',
      content: `${p.title} ${money(p.amountFen)} 将原路退回您的微信零钱或银行卡，通常1至3个工作日到账。`,
      confirmText: '申请退费',
    });
    if (!ok.confirm) return;
    setAsked(p.id);
    await refunding.run(p);
  }

  return (
    <Page className='payment-history'>
      {opening({ load: list, loading: '正在读取缴费记录…' })}
      {list.data && list.data.length === 0 ? (
        <StateBlock text='您还没有缴费记录。'>
          <Button type='primary' block onClick={() => void Taro.navigateTo({ url: PAYMENTS })}>
            去缴费
          </Button>
        </StateBlock>
      ) : null}
      {list.data?.map((p) => (
        <View key={p.id}>
          <View
            className='jsb-card pay-card'
            {...(p.receipt ? tappable('button', { expanded: open === p.id }) : {})}
            onClick={() => setOpen(open === p.id ? null : p.id)}
          >
            <View className='pay-card__head'>
              <Text className='pay-card__title'>{p.title}</Text>
              <Text className={`pay-status pay-status--${p.status}`}>{PAYMENT_STATUS_LABEL[p.status]}</Text>
            </View>
            <Text className='jsb-muted'>{fullMomentText(p.paidAt ?? p.createdAt)}</Text>
            <View className='pay-card__foot'>
              <Text className='pay-card__amount'>{money(p.amountFen)}</Text>
              {p.receipt ? <Text className='jsb-muted'>{open === p.id ? '收起凭证' : '查看凭证'}</Text> : null}
              {p.status === 'pending' ? (
                <Button fill='outline' onClick={() => void Taro.navigateTo({ url: paymentResultUrl(p.id) })}>
                  查看结果
                </Button>
              ) : null}
            </View>
            {p.refund ? (
              <Text className='jsb-muted'>
                退款：
                {p.refund.status === 'succeeded'
                  ? `已退回 ${money(p.refund.amountFen)}`
                  : p.refund.status === 'processing'
                    ? '处理中，通常1至3个工作日到账'
                    : '退款未成功，请拨打12345'}
              </Text>
            ) : null}
          </View>
          {open === p.id && p.receipt ? <Receipt r={p.receipt} /> : null}
          {p.canRefund ? (
            <Button type='primary' fill='outline' block loading={refunding.busy && asked === p.id} onClick={() => void refund(p)}>
              申请退费（申请已撤回）
            </Button>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
