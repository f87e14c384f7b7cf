import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { MaskedCase } from '@jsb/shared';
import { caseWords, momentText, monthDayText } from '@jsb/shared';
import { listMyCases, lookupCase } from '../../api/cases';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { opening } from '../../components/Opening';
import { StateBlock } from '../../components/StateBlock';
import { Field } from '../../components/Field';
import { IdentityStep } from '../../components/IdentityStep';
import { Button } from '../../components/ui';
// after the shared components: its styles come after theirs on every page (one CSS order for the weapp build)
import { CountdownLine, StatusPill, Timeline } from '../../components/cases';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { useSubmit } from '../../hooks/useSubmit';
import { needsYouFirst } from '../../utils/case-format';
import { caseUrl } from '../../utils/case-routes';
import { tappable } from '../../utils/a11y';

/** 进度: my cases with status and countdown (signed in), and a lookup by number and code for anyone. */
export default function Progress() {
  const signedIn = useSignedIn();
  const list = useLoad(listMyCases, [], signedIn);
  useReshow(() => list.reload());

  return (
    <Page>
      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>我的办件</Text>
        {!signedIn ? <IdentityStep need='signIn' why='登录并实名后，您在大厅办理的事项会自动列在这里；不登录也可以在下面凭办件编号和查询码查询。' /> : null}
        {opening({ load: list, loading: '正在读取您的办件…' })}
        {list.data && list.data.length === 0 ? <StateBlock text='您还没有办件。在窗口受理后，办件会出现在这里；也可以用下方的办件编号和查询码查询。' /> : null}
        {(list.data ? needsYouFirst(list.data) : []).map((c) => (
          <View key={c.caseNo} className='cs-row' hoverClass='cs-row--pressed' {...tappable()} onClick={() => void Taro.navigateTo({ url: caseUrl(c.caseNo) })}>
            <View className='cs-row__head'>
              <Text className='cs-row__name'>{c.itemName}</Text>
              <StatusPill label={c.statusLabel} status={c.status} />
            </View>
            {c.correction && (c.correction.state === 'requested' || c.correction.state === 'rejected') ? (
              <Text className='cs-needs-you'>
                {c.correction.overdue
                  ? '补正期限已过，请尽快联系窗口'
                  : `需要您补交材料：${monthDayText(c.correction.deadline)}前（还剩${c.correction.workingDaysLeft}个工作日）`}
              </Text>
            ) : (
              <CountdownLine countdown={c.countdown} refused={c.decision === '不予'} />
            )}
            <Text className='jsb-muted cs-block'>
              {c.caseNo} · {c.hallName} · 收件 {momentText(c.receivedAt)}
            </Text>
            {c.canRate ? <Text className='jsb-link'>待评价：{caseWords().ratingWindow}</Text> : null}
          </View>
        ))}
      </View>
      <LookupForm />
    </Page>
  );
}

/** 凭办件编号和查询码查询 without signing in; shows the masked view inline. */
function LookupForm() {
  const [caseNo, setCaseNo] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<MaskedCase | null>(null);
  const ready = /^JN\d{13}$/i.test(caseNo.trim()) && /^\d{6}$/.test(code.trim());
  const lookup = useSubmit(async () => setFound(await lookupCase(caseNo.trim().toUpperCase(), code.trim())), { onError: () => setFound(null) });
  const { busy, error } = lookup;

  return (
    <View className='jsb-card'>
      <Text className='jsb-subtitle cs-block'>凭编号查询（无需登录）</Text>
      <Text className='jsb-muted cs-block'>办件编号和6位查询码印在受理单上。为保护隐私，查询结果不显示完整姓名、证件号、电话和地址。</Text>
      <Field label='办件编号' placeholder='办件编号（JN开头15位）' kind='code' maxLength={15} value={caseNo} onChange={(v) => (setCaseNo(v), lookup.clear())} />
      <Field label='查询码' placeholder='6位查询码' type='number' kind='digits' maxLength={6} value={code} onChange={(v) => (setCode(v), lookup.clear())} />
      <Button type='primary' block disabled={!ready || busy} loading={busy} onClick={() => void lookup.run()}>
        查询进度
      </Button>
      {!ready && !busy ? <Text className='jsb-muted cs-block'>填好受理单上的办件编号（JN开头，共15位）和6位查询码后即可查询。</Text> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {found ? (
        <View className='jsb-section'>
          <View className='cs-row__head'>
            <Text className='cs-row__name'>{found.itemName}</Text>
            <StatusPill label={found.statusLabel} status={found.status} />
          </View>
          <Text className='jsb-muted cs-block'>
            申请人 {found.applicantName} · {found.hallName} · {found.department}
          </Text>
          <CountdownLine countdown={found.countdown} />
          {found.mailing?.emsNo ? <Text className='jsb-muted cs-block'>EMS 单号 {found.mailing.emsNo}</Text> : null}
          <Timeline entries={found.timeline} />
        </View>
      ) : null}
    </View>
  );
}
