import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { addressSchema, type MailingAddress } from '@jsb/shared'
import { showApiError } from '../../../api'
import { getCase, requestMailing } from '../../../api/cases'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Page } from '../../../components/Page'
import { SignInRequired } from '../../../components/SignInRequired'
import { StateBlock } from '../../../components/StateBlock'
import { Button, Input } from '../../../components/ui'
import { KeyValue } from '../../../components/cases'
import { useActionKey } from '../../../hooks/useActionKey'
import { useLoad } from '../../../hooks/useLoad'
import { useSignedIn } from '../../../hooks/useSignedIn'
import { instantText } from '../../../utils/case-format'
import { param } from '../../../utils/routes'

const FIELDS: { key: keyof MailingAddress; placeholder: string }[] = [
  { key: 'recipient', placeholder: '收件人姓名' },
  { key: 'phone', placeholder: '收件人手机号' },
  { key: 'province', placeholder: '省份' },
  { key: 'city', placeholder: '城市' },
  { key: 'district', placeholder: '区县' },
  { key: 'detail', placeholder: '详细地址（街道、门牌号）' },
]

/** 免费邮寄: the address form (checked with the shared schema before sending), then the EMS tracking. */
export default function MailingPage() {
  const caseNo = param(useRouter().params.caseNo)
  const signedIn = useSignedIn()
  const c = useLoad(() => getCase(caseNo), [caseNo], signedIn && caseNo !== '')
  const [form, setForm] = useState<MailingAddress>({ recipient: '', phone: '', province: '山东省', city: '济宁市', district: '', detail: '' })
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const key = useActionKey()

  if (!signedIn) return <Page><SignInRequired why='登录后可以申请免费邮寄办理结果。' /></Page>
  if (c.status === 'error') return <Page><ErrorNotice error={c.error} retryText='重新加载' onRetry={c.reload} /></Page>
  if (!c.data) return <Page><StateBlock tone='loading' text='正在读取…' /></Page>
  const m = c.data.mailing

  const submit = async () => {
    const parsed = addressSchema.safeParse(form)
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    setProblems({})
    setBusy(true)
    try {
      await requestMailing(caseNo, parsed.data, key.take())
      key.renew()
      c.reload()
    } catch (err) {
      await showApiError(err)
    } finally {
      setBusy(false)
    }
  }

  if (m) {
    return (
      <Page>
        <View className='jsb-card'>
          <Text className='jsb-subtitle cs-block'>{m.state === 'requested' ? '已申请免费邮寄' : m.state === 'mailed' ? '结果已寄出' : '结果已签收'}</Text>
          <Text className='jsb-muted cs-block'>收件人 {m.address.recipient} {m.address.phone}</Text>
          <Text className='jsb-muted cs-block'>{m.address.province}{m.address.city}{m.address.district}{m.address.detail}</Text>
          {m.emsNo ? <KeyValue k='EMS 单号' v={m.emsNo} /> : <Text className='jsb-muted cs-block'>结果出具后由邮政EMS免费寄出，寄出后可在这里查看物流。</Text>}
        </View>
        {m.events.length ? (
          <View className='jsb-card'>
            <Text className='jsb-subtitle cs-block'>物流信息</Text>
            {[...m.events].reverse().map((e) => (
              <View key={e.at + e.status} className='cs-row'>
                <Text>{e.text}{e.place ? ` · ${e.place}` : ''}</Text>
                <Text className='jsb-muted cs-block'>{instantText(e.at)}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </Page>
    )
  }

  return (
    <Page>
      <View className='jsb-card'>
        <Text className='jsb-subtitle cs-block'>填写收件地址</Text>
        <Text className='jsb-muted cs-block'>办理结果（证照或决定书）由邮政EMS免费寄送，邮费由政府承担。</Text>
        {FIELDS.map((f) => (
          <View key={f.key}>
            <Input placeholder={f.placeholder} value={form[f.key]} onChange={(v: string) => setForm((x) => ({ ...x, [f.key]: v }))} />
            {problems[f.key] ? <Text className='jsb-error__message'>{problems[f.key]}</Text> : null}
          </View>
        ))}
        <Button type='primary' block disabled={busy || !c.data.mailingAvailable} loading={busy} onClick={() => void submit()}>
          提交邮寄申请
        </Button>
        {!c.data.mailingAvailable ? <Text className='jsb-muted cs-block'>这个办件现在不能申请邮寄，请到受理窗口领取结果。</Text> : null}
      </View>
    </Page>
  )
}
