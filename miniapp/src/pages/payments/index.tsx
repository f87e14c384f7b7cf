import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { accountNumberSchema, type UtilityLookup } from '@jsb/shared'
import { asApiError, type ApiError } from '../../api'
import { listMyBills, lookupUtilityBill } from '../../api/payments'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Page } from '../../components/Page'
import { SignInRequired } from '../../components/SignInRequired'
import { StateBlock } from '../../components/StateBlock'
import { Button, Input } from '../../components/ui'
import { PayableCard } from '../../components/payments/PayableCard'
import { useLoad } from '../../hooks/useLoad'
import { useReshow } from '../../hooks/useReshow'
import { useSignedIn } from '../../hooks/useSignedIn'
import { PAYMENT_HISTORY } from '../../utils/payment-format'
import { REAL_NAME } from '../../utils/routes'
import { UTILITY_LABEL } from '@jsb/shared'
import { usePay } from './usePay'
import '../../components/payments/index.scss'

/** 缴费: fees due on my cases, and water / electricity / gas bills by account number. */
export default function Payments() {
  const signedIn = useSignedIn()
  const fees = useLoad(listMyBills, [], signedIn)
  useReshow(() => fees.reload())
  const [account, setAccount] = useState('')
  const [lookup, setLookup] = useState<{ busy: boolean; result?: UtilityLookup; error?: ApiError; problem?: string }>({ busy: false })
  const { pay, busy } = usePay(() => fees.reload())

  if (!signedIn) return <Page><SignInRequired why='登录后可以缴纳办件费用和水电气费用。' /></Page>

  async function search() {
    const parsed = accountNumberSchema.safeParse(account)
    if (!parsed.success) return setLookup({ busy: false, problem: '户号应为6到20位数字，请核对缴费通知单上的户号。' })
    setLookup({ busy: true })
    try {
      setLookup({ busy: false, result: await lookupUtilityBill(parsed.data) })
    } catch (err) {
      setLookup({ busy: false, error: asApiError(err) })
    }
  }

  const due = fees.data?.fees.filter((f) => f.status === 'due') ?? []
  const settled = fees.data?.fees.filter((f) => f.status !== 'due') ?? []
  return (
    <Page className='payments'>
      <Text className='jsb-title'>我的办件费用</Text>
      {fees.status === 'loading' && !fees.data ? <StateBlock tone='loading' text='正在读取您的办件费用…' /> : null}
      {fees.status === 'error' && fees.error.code === 'REAL_NAME_REQUIRED' ? (
        <StateBlock text='办件费用按实名查询。实名认证后，您名下办件的应缴费用会显示在这里。'>
          <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: REAL_NAME })}>
            去实名认证
          </Button>
        </StateBlock>
      ) : null}
      {fees.status === 'error' && fees.error.code !== 'REAL_NAME_REQUIRED' ? <ErrorNotice error={fees.error} retryText='重新加载' onRetry={fees.reload} /> : null}
      {fees.data && due.length === 0 ? <StateBlock text='您名下的办件暂无待缴费用。' /> : null}
      {due.map((p) => (
        <PayableCard key={p.id} p={p} busy={busy === p.id} onPay={(x) => void pay(x)} />
      ))}
      {settled.map((p) => (
        <PayableCard key={p.id} p={p} busy={false} onPay={() => undefined} />
      ))}

      <Text className='jsb-title'>水费 · 电费 · 燃气费</Text>
      <View className='jsb-card'>
        <Input placeholder='请输入户号（数字）' type='digit' value={account} onChange={(v: string) => setAccount(v.trim())} />
        {lookup.problem ? <Text className='jsb-error__hint'>{lookup.problem}</Text> : null}
        <Button type='primary' block loading={lookup.busy} onClick={() => void search()}>
          查询账单
        </Button>
      </View>
      {lookup.error ? <ErrorNotice error={lookup.error} /> : null}
      {lookup.result ? (
        <>
          <View className='jsb-card'>
            <Text className='jsb-subtitle'>
              {UTILITY_LABEL[lookup.result.account.utility]} · 户号 {lookup.result.account.accountNumber}
            </Text>
            <Text className='jsb-muted'>
              户名：{lookup.result.account.holderName} · {lookup.result.account.address}
            </Text>
            <Text className='jsb-muted'>{lookup.result.account.company}</Text>
          </View>
          {lookup.result.bills.map((b) => (
            <PayableCard key={b.id} p={b} busy={busy === b.id} onPay={(x) => void pay(x).then(() => void search())} />
          ))}
        </>
      ) : null}

      <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: PAYMENT_HISTORY })}>
        缴费记录与电子凭证
      </Button>
    </Page>
  )
}
