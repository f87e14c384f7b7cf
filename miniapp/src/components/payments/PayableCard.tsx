import { View, Text } from '@tarojs/components';
import type { Payable } from '@jsb/shared';
import { Button } from '../ui';
import { money, overdueLine, PAYABLE_STATUS_LABEL, payableLine } from '../../utils/payment-format';

/** One fee or bill: what it is, how much (the core's amount), and 缴费 while it is due. */
export function PayableCard({ p, busy, onPay, today }: { p: Payable; busy: boolean; onPay: (p: Payable) => void; today: string }) {
  const overdue = overdueLine(p, today);
  return (
    <View className='jsb-card pay-card'>
      <View className='pay-card__head'>
        <Text className='pay-card__title'>{p.title}</Text>
        <Text className={`pay-status pay-status--${p.status}`}>{PAYABLE_STATUS_LABEL[p.status]}</Text>
      </View>
      <Text className='jsb-muted'>{payableLine(p)}</Text>
      {p.payee ? <Text className='jsb-muted'>收款单位：{p.payee}</Text> : null}
      {p.dueDate && p.status === 'due' && !overdue ? <Text className='jsb-muted'>缴费截止：{p.dueDate}</Text> : null}
      {overdue ? <Text className='pay-card__overdue'>{overdue}</Text> : null}
      <View className='pay-card__foot'>
        <Text className='pay-card__amount'>{money(p.amountFen)}</Text>
        {p.status === 'due' ? (
          <Button type='primary' loading={busy} disabled={busy} onClick={() => onPay(p)}>
            缴费 {money(p.amountFen)}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
