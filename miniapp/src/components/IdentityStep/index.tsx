import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { identityMet, useIdentity, type IdentityNeed } from '../../hooks/useIdentity';
import { useSubmit } from '../../hooks/useSubmit';
import { signIn } from '../../services/auth';
import { loadMe } from '../../services/me';
import { REAL_NAME } from '../../utils/routes';
import { ErrorNotice } from '../ErrorNotice';
import { Button } from '../ui';
import './index.scss';

/**
 * The one step between a citizen and an action that needs sign-in or 实名, shown inline on the page that needs it:
 * signing in happens right here (nothing the citizen chose or typed is lost), and 实名认证 opens on top of this
 * page and comes back to it. Renders nothing once the need is met.
 */
export function IdentityStep({ need, why, plain }: { need: IdentityNeed; why: string; /** inside another card: no card of its own */ plain?: boolean }) {
  const identity = useIdentity();
  const signingIn = useSubmit(async () => {
    await signIn();
    void Taro.showToast({ title: '已登录', icon: 'success' });
  });

  if (identityMet(identity, need)) return null;

  if (identity.status === 'loading') {
    return (
      <View className={plain ? 'jsb-identity jsb-identity--plain' : 'jsb-card jsb-identity'}>
        <Text className='jsb-muted'>正在读取您的信息…</Text>
      </View>
    );
  }
  if (identity.status === 'error') {
    return <ErrorNotice error={identity.error} retryText='重新读取' onRetry={() => void loadMe()} />;
  }
  if (identity.status === 'signedOut') {
    return (
      <View className={plain ? 'jsb-identity jsb-identity--plain' : 'jsb-card jsb-identity'}>
        <Text className='jsb-subtitle'>请先登录</Text>
        <Text className='jsb-identity__why'>{why}</Text>
        <Button type='primary' size='large' block loading={signingIn.busy} onClick={() => void signingIn.run()}>
          微信一键登录
        </Button>
        <Text className='jsb-muted'>登录后留在这一页继续，已选、已填的内容都在。</Text>
        {signingIn.error ? <ErrorNotice error={signingIn.error} /> : null}
      </View>
    );
  }
  return (
    <View className={plain ? 'jsb-identity jsb-identity--plain' : 'jsb-card jsb-identity'}>
      <Text className='jsb-subtitle'>需要先完成实名认证</Text>
      <Text className='jsb-identity__why'>{why}</Text>
      <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: REAL_NAME })}>
        去实名认证
      </Button>
      <Text className='jsb-muted'>认证一次，以后不用再填；认证后自动回到这一页。</Text>
    </View>
  );
}
