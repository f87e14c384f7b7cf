import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { appealRights, caseWords, CHANNEL_LABEL, momentText, monthDayText } from '@jsb/shared';
import { getCase } from '../../../api/cases';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { Button } from '../../../components/ui';
// after the shared components: its styles come after theirs on every page (one CSS order for the weapp build)
import { CountdownLine, KeyValue, StatusPill, Timeline } from '../../../components/cases';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { correctionDeadlineText, limitsText, mailingHeadline, stepsAhead } from '../../../utils/case-format';
import { correctionUrl, mailingUrl, rateUrl, ratingUrl } from '../../../utils/case-routes';
import { COMPLAINT_NEW } from '../../../utils/complaint-format';
import { SubscribeCard } from '../../../components/SubscribeCard';
import { loadHalls } from '../../../services/booking';
import { param } from '../../../utils/routes';

/** 办件详情: status, working-day countdown, limits, every step with its department, mailing and rating. */
export default function CaseDetailPage() {
  const caseNo = param(useRouter().params.caseNo);
  const signedIn = useSignedIn();
  const c = useLoad(() => getCase(caseNo), [caseNo], signedIn && caseNo !== '');
  const halls = useLoad(loadHalls, []);
  useReshow(() => c.reload());
  const go = (url: string) => void Taro.navigateTo({ url });

  const opened = opening({
    signIn: { signedIn, why: '登录后可以查看您的办件详情；不登录也可以在“进度”页凭办件编号和查询码查询。' },
    load: c,
    loading: '正在读取办件…',
  });
  if (opened || !c.data) return <Page>{opened}</Page>;
  const d = c.data;
  const hall = halls.data?.find((h) => h.id === d.hallId);
  const refused = d.decision === '不予';
  const refusalReason = d.timeline.find((e) => e.kind === 'decided')?.note;
  const appeal = refused ? appealRights(hall?.county ?? '济宁市', d.department) : null;
  const correction = d.correction;
  const handIn = correction && (correction.state === 'requested' || correction.state === 'rejected');
  const ahead = stepsAhead(d);

  return (
    <Page>
      {correction ? (
        <View className={`jsb-card cs-correction cs-correction--${correction.state}`}>
          <Text className='jsb-subtitle cs-block'>{correction.stateLabel}</Text>
          <Text className='cs-block'>
            {handIn ? `需要补交${correction.materials.length}项材料：${correction.materials.map((m) => m.name).join('、')}。` : correction.notice}
          </Text>
          <Text className={`cs-block cs-correction__deadline${correction.overdue ? ' cs-correction__deadline--over' : ''}`}>
            {correctionDeadlineText(correction)}
          </Text>
          {handIn ? (
            <>
              <Button type='primary' size='large' block onClick={() => go(correctionUrl(d.caseNo))}>
                在手机上补交材料
              </Button>
              <Text className='jsb-muted cs-block'>
                也可以带材料到{correction.counter.hallName}
                {correction.counter.windowNo}号窗口补交（{correction.counter.hours}，电话 {correction.counter.phone}）。
              </Text>
            </>
          ) : (
            <Button fill='outline' block onClick={() => go(correctionUrl(d.caseNo))}>
              查看补正材料
            </Button>
          )}
        </View>
      ) : null}

      {refused ? (
        <View className='jsb-card cs-refused'>
          <Text className='jsb-subtitle cs-block'>不予许可</Text>
          <Text className='cs-block'>原因：{refusalReason ?? '请看不予许可决定书上写明的理由。'}</Text>
          <Text className='jsb-subtitle cs-block'>您可以</Text>
          <Text className='cs-block'>· 按决定书说明补齐条件后重新申请；不清楚怎么补，可以打大厅电话{hall ? ` ${hall.phone}` : ''}问清楚。</Text>
          <Text className='cs-block'>
            · 申请行政复议：自收到决定书之日起{appeal!.review.days}日内，向{appeal!.review.body}申请。
          </Text>
          <Text className='cs-block'>
            · 提起行政诉讼：自收到决定书之日起{appeal!.litigation.months}个月内，向{appeal!.litigation.court}起诉。
          </Text>
          <Text className='cs-block'>· 觉得窗口没有说清楚、没有告诉您可以怎么办，可以“找茬”。</Text>
          <Button fill='outline' block onClick={() => go(COMPLAINT_NEW)}>
            我要找茬
          </Button>
        </View>
      ) : null}

      <View className='jsb-card'>
        <View className='cs-row__head'>
          <Text className='jsb-subtitle cs-block'>{d.itemName}</Text>
          <StatusPill label={refused ? '不予许可' : d.statusLabel} status={refused ? 'refused' : d.status} />
        </View>
        <CountdownLine countdown={d.countdown} refused={refused} />
        <Text className='jsb-muted cs-block'>{limitsText(d)}</Text>
        <KeyValue k='办件编号' v={d.caseNo} />
        <KeyValue k='办理部门' v={d.department} />
        <KeyValue k='受理地点' v={`${d.hallName} ${d.windowNo}窗口`} />
        {hall ? <KeyValue k='咨询电话' v={hall.phone} /> : null}
        <KeyValue k='办理方式' v={CHANNEL_LABEL[d.channel]} />
        {d.decision ? <KeyValue k='审批决定' v={d.decision} /> : null}
        {d.pauses.length ? (
          <Text className='jsb-muted cs-block'>
            暂停计时：{d.pauses.map((p) => `${p.kind} ${momentText(p.from)}–${p.to ? momentText(p.to) : '至今'}`).join('；')}
          </Text>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>办理进度</Text>
        <Timeline entries={d.timeline} />
        {ahead.length ? (
          <View className='cs-ahead'>
            <Text className='jsb-muted cs-block'>接下来：</Text>
            {ahead.map((step) => (
              <Text key={step} className='cs-ahead__step'>
                {step}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>免费邮寄</Text>
        {d.mailing ? (
          <View>
            <Text>{mailingHeadline(d.mailing.state, d.status, d.mailing.emsNo)}</Text>
            <Button fill='outline' block onClick={() => go(mailingUrl(d.caseNo))}>
              查看邮寄信息
            </Button>
          </View>
        ) : d.mailingAvailable ? (
          <View>
            <Text className='jsb-muted cs-block'>办理结果可免费邮寄到家，不用再跑一趟。</Text>
            <Button type='primary' fill='outline' block onClick={() => go(mailingUrl(d.caseNo))}>
              申请免费邮寄
            </Button>
          </View>
        ) : (
          <Text className='jsb-muted cs-block'>{d.status === 'received' ? '受理后可以申请免费邮寄。' : '结果请到受理窗口领取。'}</Text>
        )}
      </View>

      {!d.closedAt ? (
        <SubscribeCard moment='case' title='办件进度通知' what='受理、需要补正、作出决定、办结和寄出时，通过微信告诉您' action='订阅办件进度通知' />
      ) : null}

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>服务评价</Text>
        {d.canRate ? (
          <View>
            <Text className='jsb-muted cs-block'>
              {d.ratingDeadline ? `${monthDayText(d.ratingDeadline)}前可以评价一次（${caseWords().ratingWindow}）。` : `${caseWords().ratingWindow}一次。`}
            </Text>
            <Button type='primary' block onClick={() => go(rateUrl(d.caseNo))}>
              去评价
            </Button>
          </View>
        ) : d.rated ? (
          <Button fill='outline' block onClick={() => go(ratingUrl(d.caseNo))}>
            查看我的评价
          </Button>
        ) : d.closedAt ? (
          <View>
            <Text className='jsb-muted cs-block'>评价期限已过或评价已提交。</Text>
            <Button fill='outline' block onClick={() => go(ratingUrl(d.caseNo))}>
              查看评价情况
            </Button>
          </View>
        ) : (
          <Text className='jsb-muted cs-block'>办结后可以评价服务；对服务有意见，现在就可以通过“找茬”反映。</Text>
        )}
      </View>
    </Page>
  );
}
