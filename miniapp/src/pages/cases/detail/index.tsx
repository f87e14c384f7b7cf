import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CHANNEL_LABEL } from '@jsb/shared'
import { getCase } from '../../../api/cases'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Page } from '../../../components/Page'
import { IdentityStep } from '../../../components/IdentityStep'
import { StateBlock } from '../../../components/StateBlock'
import { Button } from '../../../components/ui'
// after the shared components: its styles come after theirs on every page (one CSS order for the weapp build)
import { CountdownLine, KeyValue, StatusPill, Timeline } from '../../../components/cases'
import { useLoad } from '../../../hooks/useLoad'
import { useReshow } from '../../../hooks/useReshow'
import { useSignedIn } from '../../../hooks/useSignedIn'
import { instantText, limitsText, shortDate } from '../../../utils/case-format'
import { mailingUrl, rateUrl, ratingUrl } from '../../../utils/case-routes'
import { param } from '../../../utils/routes'

/** 办件详情: status, working-day countdown, limits, every step with its department, mailing and rating. */
export default function CaseDetailPage() {
  const caseNo = param(useRouter().params.caseNo)
  const signedIn = useSignedIn()
  const c = useLoad(() => getCase(caseNo), [caseNo], signedIn && caseNo !== '')
  useReshow(() => c.reload())
  const go = (url: string) => void Taro.navigateTo({ url })

  if (!signedIn) return <Page><IdentityStep need='signIn' why='登录后可以查看您的办件详情；不登录也可以在“进度”页凭办件编号和查询码查询。' /></Page>
  if (c.status === 'error') return <Page><ErrorNotice error={c.error} retryText='重新加载' onRetry={c.reload} /></Page>
  if (!c.data) return <Page><StateBlock tone='loading' text='正在读取办件…' /></Page>
  const d = c.data

  return (
    <Page>
      <View className='jsb-card'>
        <View className='cs-row__head'>
          <Text className='jsb-subtitle cs-block'>{d.itemName}</Text>
          <StatusPill label={d.statusLabel} status={d.status} />
        </View>
        <CountdownLine countdown={d.countdown} />
        <Text className='jsb-muted cs-block'>{limitsText(d)}</Text>
        <KeyValue k='办件编号' v={d.caseNo} />
        <KeyValue k='办理部门' v={d.department} />
        <KeyValue k='受理地点' v={`${d.hallName} ${d.windowNo}窗口`} />
        <KeyValue k='办理方式' v={CHANNEL_LABEL[d.channel]} />
        {d.decision ? <KeyValue k='审批决定' v={d.decision} /> : null}
        {d.pauses.length ? (
          <Text className='jsb-muted cs-block'>
            暂停计时：{d.pauses.map((p) => `${p.kind} ${instantText(p.from)}–${p.to ? instantText(p.to) : '至今'}`).join('；')}
          </Text>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>办理进度</Text>
        <Timeline entries={d.timeline} />
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>免费邮寄</Text>
        {d.mailing ? (
          <View>
            <Text>{d.mailing.state === 'requested' ? '已申请，结果出具后寄出' : d.mailing.state === 'mailed' ? `已寄出 EMS ${d.mailing.emsNo ?? ''}` : '已签收'}</Text>
            <Button fill='outline' block onClick={() => go(mailingUrl(d.caseNo))}>查看邮寄信息</Button>
          </View>
        ) : d.mailingAvailable ? (
          <View>
            <Text className='jsb-muted cs-block'>办理结果可免费邮寄到家，不用再跑一趟。</Text>
            <Button type='primary' fill='outline' block onClick={() => go(mailingUrl(d.caseNo))}>申请免费邮寄</Button>
          </View>
        ) : (
          <Text className='jsb-muted cs-block'>{d.status === 'received' ? '受理后可以申请免费邮寄。' : '结果请到受理窗口领取。'}</Text>
        )}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>服务评价</Text>
        {d.canRate ? (
          <View>
            <Text className='jsb-muted cs-block'>办结后15个工作日内（{d.ratingDeadline ? `${shortDate(d.ratingDeadline)}前` : ''}）可以评价一次。</Text>
            <Button type='primary' block onClick={() => go(rateUrl(d.caseNo))}>去评价</Button>
          </View>
        ) : d.rated ? (
          <Button fill='outline' block onClick={() => go(ratingUrl(d.caseNo))}>查看我的评价</Button>
        ) : d.closedAt ? (
          <View>
            <Text className='jsb-muted cs-block'>评价期限已过或评价已提交。</Text>
            <Button fill='outline' block onClick={() => go(ratingUrl(d.caseNo))}>查看评价情况</Button>
          </View>
        ) : (
          <Text className='jsb-muted cs-block'>办结后可以评价服务；对服务有意见，现在就可以通过“找茬”反映。</Text>
        )}
      </View>
    </Page>
  )
}
