import { useEffect } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Page } from '../../components/Page';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../hooks/useStore';
import { loadMe, meStore } from '../../services/me';
import { chooseDevOpenid } from '../../services/dev-identity';
import { loadStanding } from '../../services/booking';
import { SignInPanel } from './SignInPanel';
import { Profile } from './Profile';
import { DevIdentity } from './DevIdentity';
import { DisplaySettings } from './DisplaySettings';
import { BookingStanding } from './BookingStanding';
import { Greeting } from './Greeting';
import { MessagesEntry } from './MessagesEntry';
import { loadUnread } from '../../services/unread';
import { ComplaintsEntry } from '../../components/complaints/ComplaintsEntry';
import { PaymentsEntry } from '../../components/payments/PaymentsEntry';
import './index.scss';

/** H5 only: `#/pages/mine/index?openid=citizen_a` picks the test citizen (see DevIdentity). */
function useDevOpenidFromQuery() {
  const openid = useRouter().params.openid;
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && openid) {
      const problem = chooseDevOpenid(decodeURIComponent(openid));
      if (problem) console.warn('[dev] ?openid ignored:', problem);
    }
  }, [openid]);
}

export default function Mine() {
  const state = useStore(meStore);
  useDevOpenidFromQuery();
  useDidShow(() => {
    void loadMe();
    void loadStanding();
    void loadUnread();
  });

  return (
    <Page className='mine'>
      {state.status === 'signedOut' ? <SignInPanel notice={state.notice} /> : null}
      {state.status === 'loading' && !state.me ? (
        <View className='jsb-card mine__loading'>
          <Text>正在读取您的信息…</Text>
        </View>
      ) : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} retryText='重新加载' onRetry={() => void loadMe()} /> : null}
      {state.status !== 'signedOut' && state.me ? <Greeting me={state.me} /> : null}
      {state.status !== 'signedOut' ? <MessagesEntry /> : null}
      {state.status !== 'signedOut' ? <BookingStanding /> : null}
      {state.status !== 'signedOut' ? <ComplaintsEntry /> : null}
      {state.status !== 'signedOut' ? <PaymentsEntry /> : null}
      {state.status !== 'signedOut' ? <Profile me={state.me} /> : null}
      <DisplaySettings />
      {process.env.TARO_ENV === 'h5' ? <DevIdentity /> : null}
    </Page>
  );
}
