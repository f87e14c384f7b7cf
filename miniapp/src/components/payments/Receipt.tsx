import { fullMomentText } from '@jsb/shared';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Receipt as ReceiptData } from '@jsb/shared';
import { money } from '../../utils/payment-format';
import { Button } from '../ui';

const Row = ({ k, v }: { k: string; v: string }) => (
  <View className='pay-receipt__row'>
    <Text className='jsb-muted pay-receipt__k'>{k}</Text>
    <Text className='pay-receipt__v'>{v}</Text>
  </View>
);

/** The receipt's lines, in order: shown on the page and copied as text to keep or send on. */
export function receiptLines(r: ReceiptData): [string, string][] {
  const lines: [string, string | undefined][] = [
    ['凭证号', r.receiptNo],
    ['缴费项目', r.title],
    ['金额', money(r.amountFen)],
    ['收款单位', r.payee],
    ['办件编号', r.caseNumber],
    ['户号', r.accountNumber],
    ['账期', r.period],
    ['缴费时间', fullMomentText(r.paidAt)],
    ['微信支付单号', r.transactionId],
    ['订单号', r.outTradeNo],
  ];
  return lines.filter((l): l is [string, string] => Boolean(l[1]));
}

/** 电子缴费凭证: issued only once WeChat's verified word says the order is paid; it can be copied to keep or send. */
export function Receipt({ r }: { r: ReceiptData }) {
  const lines = receiptLines(r);
  const text = ['济时办 电子缴费凭证', ...lines.map(([k, v]) => `${k}：${v}`)].join('\n');
  return (
    <View className='jsb-card pay-receipt'>
      <Text className='jsb-subtitle'>电子缴费凭证</Text>
      {lines.map(([k, v]) => (
        <Row key={k} k={k} v={v} />
      ))}
      <Button fill='outline' block onClick={() => void Taro.setClipboardData({ data: text })}>
        复制凭证内容（可粘贴到微信、短信保存或转发）
      </Button>
    </View>
  );
}
