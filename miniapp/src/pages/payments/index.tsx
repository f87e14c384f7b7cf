import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { ACCOUNT_NUMBER_PROBLEM, ACCOUNT_NUMBER_RULE, isAccountNumber, UTILITY_LABEL, type UtilityLookup } from '@jsb/shared';
import { asApiError, type ApiError } from '../../api';
import { listMyBills, lookupUtilityBill } from '../../api/payments';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { opening } from '../../components/Opening';
import { IdentityStep } from '../../components/IdentityStep';
import { StateBlock } from '../../components/StateBlock';
import { Button } from '../../components/ui';
import { PayableCard } from '../../components/payments/PayableCard';
import { useDraft } from '../../hooks/useDraft';
import { useIdentity } from '../../hooks/useIdentity';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useStore } from '../../hooks/useStore';
import { billAccountsStore, rememberAccount } from '../../services/bill-accounts';
import { todayInShanghai } from '../../utils/booking-format';
import { PAYMENT_HISTORY } from '../../utils/payment-format';
import { GROUPS, groupDigits } from '../../utils/text-input';
import { usePay } from './usePay';
import '../../components/payments/index.scss';

type Lookup = { busy: boolean; result?: UtilityLookup; error?: ApiError; problem?: string };

/**
 * 缴费: fees due on my cases (by 实名), and water / electricity / gas bills by account number. The account typed is
 * kept (a cancelled payment or a reload does not lose it) and the accounts looked up are remembered for next time.
 */
export default function Payments() {
  const identity = useIdentity();
  const verified = identity.status === 'verified';
  const fees = useLoad(listMyBills, [], verified);
  const draft = useDraft('bill-account', { account: '' });
  const remembered = useStore(billAccountsStore);
  const [lookup, setLookup] = useState<Lookup>({ busy: false });
  const today = todayInShanghai();

  async function search(account = draft.value.account) {
    if (!isAccountNumber(account)) return setLookup({ busy: false, problem: ACCOUNT_NUMBER_PROBLEM });
    if (account !== draft.value.account) draft.set({ account });
    // the bills on screen stay while they are asked again (after a payment): nothing jumps under the citizen's finger
    setLookup((l) => ({ busy: true, result: l.result?.account.accountNumber === account ? l.result : undefined }));
    try {
      const result = await lookupUtilityBill(account);
      rememberAccount({ accountNumber: result.account.accountNumber, utility: result.account.utility, company: result.account.company });
      setLookup({ busy: false, result });
    } catch (err) {
      setLookup({ busy: false, error: asApiError(err) });
    }
  }
  const { pay, busy } = usePay(() => {
    fees.reload();
    if (lookup.result) void search(lookup.result.account.accountNumber);
  });
  useReshow(() => fees.reload());
  // back on the page with an account kept (after WeChat Pay was cancelled, a reload, a relaunch): its bills again
  useEffect(() => {
    if (identity.status !== 'signedOut' && isAccountNumber(draft.value.account) && !lookup.result && !lookup.busy) void search();
    // once signed in: the kept account is looked up a single time
  }, [identity.status]);

  if (identity.status === 'signedOut')
    return (
      <Page>
        <IdentityStep need='signIn' why='登录后可以缴纳办件费用和水电气费用。' />
      </Page>
    );

  const due = fees.data?.fees.filter((f) => f.status === 'due') ?? [];
  const settled = fees.data?.fees.filter((f) => f.status !== 'due') ?? [];
  return (
    <Page className='payments'>
      <Text className='jsb-title'>我的办件费用</Text>
      <IdentityStep need='realName' why='办件费用按实名查询：认证后，您名下办件的应缴费用会显示在这里。水电气费不用实名，可以直接在下面查询。' />
      {opening({ load: fees, loading: '正在读取您的办件费用…' })}
      {fees.data && due.length === 0 ? <StateBlock text='您名下的办件暂无待缴费用。' /> : null}
      {due.map((p) => (
        <PayableCard key={p.id} p={p} today={today} busy={busy === p.id} onPay={(x) => void pay(x)} />
      ))}
      {settled.map((p) => (
        <PayableCard key={p.id} p={p} today={today} busy={false} onPay={() => undefined} />
      ))}

      <Text className='jsb-title'>水费 · 电费 · 燃气费</Text>
      <View className='jsb-card'>
        {remembered.length ? (
          <View className='pay-accounts'>
            <Text className='jsb-muted'>查过的户号，点一下查账单：</Text>
            {remembered.map((a) => (
              <Button key={a.accountNumber} size='small' fill='outline' onClick={() => void search(a.accountNumber)}>
                {`${UTILITY_LABEL[a.utility]} ${groupDigits(a.accountNumber, GROUPS.account)}`}
              </Button>
            ))}
          </View>
        ) : null}
        <Field
          label='户号'
          placeholder='请输入户号（数字）'
          type='digit'
          kind='digits'
          maxLength={ACCOUNT_NUMBER_RULE.maxDigits}
          groups={GROUPS.account}
          hint='印在缴费通知单或上月账单上。'
          error={lookup.problem}
          value={draft.value.account}
          onChange={(account) => {
            draft.set({ account });
            setLookup({ busy: false });
          }}
        />
        <Button type='primary' block loading={lookup.busy} onClick={() => void search()}>
          查询账单
        </Button>
      </View>
      {lookup.error ? <ErrorNotice error={lookup.error} /> : null}
      {lookup.result ? (
        <>
          <View className='jsb-card'>
            <Text className='jsb-subtitle'>
              {UTILITY_LABEL[lookup.result.account.utility]} · 户号 {groupDigits(lookup.result.account.accountNumber, GROUPS.account)}
            </Text>
            <Text className='jsb-muted'>
              户名：{lookup.result.account.holderName} · {lookup.result.account.address}
            </Text>
            <Text className='jsb-muted'>收款单位：{lookup.result.account.company}</Text>
          </View>
          {lookup.result.bills.map((b) => (
            <PayableCard key={b.id} p={b} today={today} busy={busy === b.id} onPay={(x) => void pay(x)} />
          ))}
        </>
      ) : null}

      <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: PAYMENT_HISTORY })}>
        缴费记录与电子凭证
      </Button>
    </Page>
  );
}
