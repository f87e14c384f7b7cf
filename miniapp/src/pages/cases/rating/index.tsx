import { momentText, monthDayText } from '@jsb/shared';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { getCaseRating } from '../../../api/cases';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { KeyValue } from '../../../components/cases';
import { SubscribeCard } from '../../../components/SubscribeCard';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { rateUrl } from '../../../utils/case-routes';
import { param } from '../../../utils/routes';

/** One step of the 差评 loop: done with when, or still to come with its deadline (never "进行中" before it started). */
function Step({
  done,
  title,
  waiting,
  due,
  at,
  text,
  overdue,
}: {
  done: boolean;
  title: string;
  waiting: string;
  due: string;
  at?: string;
  text?: string;
  overdue: boolean;
}) {
  return (
    <View className='cs-row'>
      <Text className='cs-row__name'>
        {title}：{done ? '已完成' : overdue ? '已逾期' : waiting}
      </Text>
      <Text className='jsb-muted cs-block'>{done && at ? `${momentText(at)} 完成` : `最迟${monthDayText(due)}完成`}</Text>
      {text ? <Text>{text}</Text> : null}
    </View>
  );
}

/** 我的评价: the provincial receipt or the queued state, the 差评 call-back and correction, and the 追评. */
export default function MyRatingPage() {
  const caseNo = param(useRouter().params.caseNo);
  const signedIn = useSignedIn();
  const v = useLoad(() => getCaseRating(caseNo), [caseNo], signedIn && caseNo !== '');
  useReshow(() => v.reload());

  const opened = opening({ signIn: { signedIn, why: '登录后可以查看您的评价。' }, load: v, loading: '正在读取…' });
  if (opened || !v.data) return <Page>{opened}</Page>;
  const s = v.data;
  const r = s.rating;

  if (!r) {
    return (
      <Page>
        <StateBlock text={s.canRate ? '您还没有评价这个办件。' : '这个办件没有评价，评价期限已过或尚未办结。'}>
          {s.canRate ? (
            <Button type='primary' block onClick={() => void Taro.redirectTo({ url: rateUrl(caseNo) })}>
              去评价
            </Button>
          ) : null}
        </StateBlock>
      </Page>
    );
  }
  return (
    <Page>
      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>{s.stateLabel}</Text>
        {s.state === 'queued' ? <Text className='cs-note'>省好差评系统暂时无法连接。您的评价已保存，系统恢复后会自动报送，不需要重新提交。</Text> : null}
        {s.refusal ? <Text className='jsb-error__message'>{s.refusal.message}</Text> : null}
        {r.receiptId ? (
          <View>
            <Text className='jsb-muted cs-block'>省好差评系统回执号</Text>
            <Text className='cs-receipt'>{r.receiptId}</Text>
          </View>
        ) : null}
        <KeyValue k='评价' v={r.level} />
        {r.tags.length ? <KeyValue k='标签' v={r.tags.join('、')} /> : null}
        {r.comment ? <Text className='jsb-muted cs-block'>意见：{r.comment}</Text> : null}
        <Text className='jsb-muted cs-block'>提交时间 {momentText(r.ratedAt)}</Text>
        <Text className='jsb-muted cs-block'>办事窗口看不到是谁评价的。{r.loop ? '回访专员看得到您的联系方式，只用于回访和整改。' : ''}</Text>
      </View>
      {r.loop && !r.loop.correctedAt ? (
        <SubscribeCard moment='rating' title='回访和整改通知' what='回访专员回访和整改反馈时，通过微信告诉您' action='订阅整改进度通知' />
      ) : null}
      {r.loop ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle cs-block'>整改进度</Text>
          <Step
            done={Boolean(r.loop.calledBackAt)}
            title='回访'
            waiting='等待回访专员来电'
            due={r.loop.callbackDue}
            at={r.loop.calledBackAt}
            text={r.loop.callbackNote}
            overdue={r.loop.callbackOverdue}
          />
          <Step
            done={Boolean(r.loop.correctedAt)}
            title='整改反馈'
            waiting={r.loop.calledBackAt ? '整改中' : '回访后开始整改'}
            due={r.loop.correctionDue}
            at={r.loop.correctedAt}
            text={r.loop.feedback}
            overdue={r.loop.correctionOverdue}
          />
          {r.loop.callbackOverdue || r.loop.correctionOverdue ? (
            <Text className='jsb-muted cs-block'>大厅未按期回访或整改，您可以通过“找茬”反映，或拨打12345。</Text>
          ) : null}
        </View>
      ) : null}
      {r.followUp ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle cs-block'>我的追评：{r.followUp.level}</Text>
          <Text className='jsb-muted cs-block'>回执号 {r.followUp.receiptId}</Text>
        </View>
      ) : s.followUpQueued ? (
        <Text className='cs-note'>追评已提交，等待报送省好差评系统。</Text>
      ) : r.canFollowUp ? (
        <Button type='primary' block onClick={() => void Taro.navigateTo({ url: rateUrl(caseNo, true) })}>
          整改后追评一次
        </Button>
      ) : null}
    </Page>
  );
}
