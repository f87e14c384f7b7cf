import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { addressSchema, type MailingAddress, momentText } from '@jsb/shared';
import { showApiError } from '../../../api';
import { getCase, requestMailing } from '../../../api/cases';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { Field } from '../../../components/Field';
import { Button } from '../../../components/ui';
import { KeyValue } from '../../../components/cases';
import { useActionKey } from '../../../hooks/useActionKey';
import { useDraft } from '../../../hooks/useDraft';
import { useLoad } from '../../../hooks/useLoad';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { mailingHeadline } from '../../../utils/case-format';
import { param } from '../../../utils/routes';
import { GROUPS } from '../../../utils/text-input';

const FIELDS: { key: keyof MailingAddress; label: string; placeholder: string }[] = [
  { key: 'recipient', label: '收件人', placeholder: '收件人姓名' },
  { key: 'phone', label: '手机号', placeholder: '收件人手机号' },
  { key: 'province', label: '省份', placeholder: '省份' },
  { key: 'city', label: '城市', placeholder: '城市' },
  { key: 'district', label: '区县', placeholder: '区县' },
  { key: 'detail', label: '详细地址', placeholder: '详细地址（街道、门牌号）' },
];

const EMPTY_ADDRESS: MailingAddress = { recipient: '', phone: '', province: '山东省', city: '济宁市', district: '', detail: '' };

/** 免费邮寄: the address form (checked with the shared schema before sending), then the EMS tracking. */
export default function MailingPage() {
  const caseNo = param(useRouter().params.caseNo);
  const signedIn = useSignedIn();
  const c = useLoad(() => getCase(caseNo), [caseNo], signedIn && caseNo !== '');
  // the address is kept as a draft: it survives leaving the page and is offered again for the next case
  const address = useDraft<MailingAddress>('mailing-address', EMPTY_ADDRESS);
  const form = address.value;
  const [problems, setProblems] = useState<Record<string, string>>({});
  const key = useActionKey();
  const sending = useSubmit(
    async (to: MailingAddress) => {
      await requestMailing(caseNo, to, key.take());
      c.reload();
    },
    { key, onError: showApiError },
  );

  const opened = opening({ signIn: { signedIn, why: '登录后可以申请免费邮寄办理结果。' }, load: c, loading: '正在读取…' });
  if (opened || !c.data) return <Page>{opened}</Page>;
  const m = c.data.mailing;

  const submit = () => {
    const parsed = addressSchema.safeParse(form);
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setProblems({});
    void sending.run(parsed.data);
  };

  if (m) {
    return (
      <Page>
        <View className='jsb-card'>
          <Text className='jsb-subtitle cs-block'>{mailingHeadline(m.state, c.data.status)}</Text>
          <Text className='jsb-muted cs-block'>
            收件人 {m.address.recipient} {m.address.phone}
          </Text>
          <Text className='jsb-muted cs-block'>
            {m.address.province}
            {m.address.city}
            {m.address.district}
            {m.address.detail}
          </Text>
          {m.emsNo ? (
            <>
              <KeyValue k='EMS 单号' v={m.emsNo} />
              <Button size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: m.emsNo ?? '' })}>
                复制单号
              </Button>
            </>
          ) : (
            <Text className='jsb-muted cs-block'>寄出后这里会显示EMS单号和物流，可复制单号到邮政查询。</Text>
          )}
        </View>
        {m.events.length ? (
          <View className='jsb-card'>
            <Text className='jsb-subtitle cs-block'>物流信息</Text>
            {[...m.events].reverse().map((e) => (
              <View key={e.at + e.status} className='cs-row'>
                <Text>
                  {e.text}
                  {e.place ? ` · ${e.place}` : ''}
                </Text>
                <Text className='jsb-muted cs-block'>{momentText(e.at)}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </Page>
    );
  }

  return (
    <Page>
      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>填写收件地址</Text>
        <Text className='jsb-muted cs-block'>办理结果（证照或决定书）由邮政EMS免费寄送，邮费由政府承担。</Text>
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            placeholder={f.placeholder}
            kind={f.key === 'phone' ? 'digits' : 'text'}
            type={f.key === 'phone' ? 'number' : undefined}
            maxLength={f.key === 'phone' ? 11 : undefined}
            groups={f.key === 'phone' ? GROUPS.phone : undefined}
            value={form[f.key]}
            error={problems[f.key]}
            onChange={(v) => {
              address.set({ [f.key]: v });
              setProblems(({ [f.key]: _fixed, ...rest }) => rest);
            }}
          />
        ))}
        <Button type='primary' block disabled={sending.busy || !c.data.mailingAvailable} loading={sending.busy} onClick={submit}>
          提交邮寄申请
        </Button>
        {!c.data.mailingAvailable ? <Text className='jsb-muted cs-block'>这个办件现在不能申请邮寄，请到受理窗口领取结果。</Text> : null}
      </View>
    </Page>
  );
}
