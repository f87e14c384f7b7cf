import { View, Text } from '@tarojs/components';
import type { ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Button } from '../../components/ui';
import { useSubmit } from '../../hooks/useSubmit';
import { signIn } from '../../services/auth';

export function SignInPanel({ notice }: { notice: ApiError | null }) {
  const signingIn = useSubmit(signIn);
  const shown = signingIn.error ?? notice;
  return (
    <View className='jsb-card mine__signin'>
      <Text className='jsb-title'>登录济时办</Text>
      <Text className='mine__lead'>登录后可以预约办事、查看办件进度、找茬和评价。</Text>
      <Button className='mine__signin-button' type='primary' size='large' block loading={signingIn.busy} onClick={() => void signingIn.run()}>
        微信一键登录
      </Button>
      {shown ? <ErrorNotice error={shown} /> : null}
      <Text className='jsb-muted'>我们只用微信身份识别您，不会读取您的微信好友和聊天信息。</Text>
    </View>
  );
}
