import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { SubscribeMoment } from '@jsb/shared';
import { useSubmit } from '../../hooks/useSubmit';
import { askSubscription, type SubscribeResult } from '../../services/subscribe';
import { Button } from '../ui';

interface Props {
  moment: SubscribeMoment;
  title: string;
  /** what the citizen will be told, and when */
  what: string;
  /** the button's words, e.g. 订阅预约提醒 */
  action: string;
  /** how many messages this moment can use (2 reminders for a booking): each 允许 pays for one, so ask until there */
  wanted?: number;
}

/**
 * A WeChat subscription asked at the moment it matters. WeChat asks the citizen itself, one message per 允许, and only
 * from a tap; H5 has no such messages, so there it says where they are. Either way 消息 in the app keeps everything.
 */
export function SubscribeCard({ moment, title, what, action, wanted = 1 }: Props) {
  const [result, setResult] = useState<SubscribeResult | null>(null);
  // askSubscription answers every failure with an outcome: there is no error to show
  const subscribing = useSubmit(async () => setResult(await askSubscription(moment)));
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='jsb-card'>
        <Text className='jsb-subtitle'>{title}</Text>
        <Text className='jsb-muted'>在“济时办”微信小程序里可以订阅微信通知：{what}。网页版的进展都在“我的 › 消息”里。</Text>
      </View>
    );
  }
  const outcome = result?.outcome ?? null;
  // a 允许 pays for one message: more taps may be worth it
  const short = outcome === 'accepted' ? Math.max(0, wanted - result!.remaining) : 0;
  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle'>{title}</Text>
      {outcome === 'accepted' && short > 0 ? (
        <Text className='jsb-ok'>
          已订阅{result!.remaining}次。微信每次“允许”只发一条，再订阅{short}次就能全部收到：{what}。
        </Text>
      ) : outcome === 'accepted' ? (
        <Text className='jsb-ok'>已订阅：{what}。</Text>
      ) : outcome === 'refused' ? (
        <Text className='jsb-muted'>没有订阅，不会收到微信通知；进展仍会记在“我的 › 消息”里，也可以再次点击订阅。</Text>
      ) : outcome === 'unavailable' ? (
        <Text className='jsb-muted'>微信通知暂未开通；进展会记在“我的 › 消息”里。</Text>
      ) : (
        <Text className='jsb-muted'>{what}。</Text>
      )}
      {(outcome !== 'accepted' || short > 0) && outcome !== 'unavailable' ? (
        <Button type='primary' fill='outline' block loading={subscribing.busy} onClick={() => void subscribing.run()}>
          {short > 0 ? `再订阅一次（还差${short}次）` : action}
        </Button>
      ) : null}
    </View>
  );
}
