import { View, Text } from '@tarojs/components'
import type { Receipt as ReceiptData } from '@jsb/shared'
import { beijingDateTime, money } from '../../utils/payment-format'

const Row = ({ k, v }: { k: string; v: string }) => (
  <View className='pay-receipt__row'>
    <Text className='jsb-muted'>{k}</Text>
    <Text>{v}</Text>
  </View>
)

/** 电子缴费凭证: issued only once WeChat's verified word says the order is paid. */
export function Receipt({ r }: { r: ReceiptData }) {
  return (
    <View className='jsb-card pay-receipt'>
      <Text className='jsb-subtitle'>电子缴费凭证</Text>
      <Row k='凭证号' v={r.receiptNo} />
      <Row k='缴费项目' v={r.title} />
      <Row k='金额' v={money(r.amountFen)} />
      <Row k='收款单位' v={r.payee} />
      {r.caseNumber ? <Row k='办件编号' v={r.caseNumber} /> : null}
      {r.accountNumber ? <Row k='户号' v={r.accountNumber} /> : null}
      {r.period ? <Row k='账期' v={r.period} /> : null}
      <Row k='缴费时间' v={beijingDateTime(r.paidAt)} />
      <Row k='微信支付单号' v={r.transactionId} />
      <Row k='订单号' v={r.outTradeNo} />
    </View>
  )
}
