import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Me } from '@jsb/shared';
import { Button, Cell, CellGroup } from '../../components/ui';
import { useSubmit } from '../../hooks/useSubmit';
import { signOut } from '../../services/auth';
import { PhoneBinding } from './PhoneBinding';

function goRealName() {
  void Taro.navigateTo({ url: '/pages/real-name/index' });
}

export function Profile({ me }: { me: Me | null }) {
  // signOut never fails: the local sign-out happens whatever the server says
  const leaving = useSubmit(signOut);

  return (
    <View className='mine__profile'>
      {me ? (
        <CellGroup title='我的信息'>
          <Cell
            title='实名认证'
            description={
              me.realName ? (
                <View className='mine__masked'>
                  <Text className='mine__masked-name'>{me.realName.nameMasked}</Text>
                  <Text className='mine__masked-id'>{me.realName.idNumberMasked}</Text>
                </View>
              ) : (
                <Text>未实名认证</Text>
              )
            }
            extra={
              me.realName ? (
                <Text className='mine__ok'>已认证</Text>
              ) : (
                <Button type='primary' size='small' onClick={goRealName}>
                  去实名认证
                </Button>
              )
            }
          />
          <Cell
            title='手机号'
            description={<Text className={me.phone ? 'mine__masked-phone' : ''}>{me.phone ? me.phone.masked : '未绑定'}</Text>}
            extra={me.phone ? <Text className='mine__ok'>已绑定</Text> : null}
          />
          {me.phone ? null : <PhoneBinding />}
        </CellGroup>
      ) : null}
      <Button className='mine__signout' size='large' block loading={leaving.busy} onClick={() => void leaving.run()}>
        退出登录
      </Button>
    </View>
  );
}
