import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TEXT_LIMITS } from '@jsb/shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { Field } from '../../components/Field';
import { IdentityStep } from '../../components/IdentityStep';
import { Button } from '../../components/ui';
import { useActionKey } from '../../hooks/useActionKey';
import { useStore } from '../../hooks/useStore';
import { useSubmit } from '../../hooks/useSubmit';
import { meStore } from '../../services/me';
import { verifyRealName } from '../../services/real-name';
import { GROUPS } from '../../utils/text-input';
import { checkIdNumberText, checkRealName } from '../../utils/validate';
import './index.scss';

function backToMine() {
  // a deep link (H5) has no page to go back to
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/mine/index' });
}

export default function RealName() {
  const state = useStore(meStore);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [idError, setIdError] = useState<string | null>(null);
  const key = useActionKey();
  const verifying = useSubmit(
    async () => {
      await verifyRealName(name, idNumber, key.take());
      // the full number must not linger in a page kept in memory after we leave it
      setName('');
      setIdNumber('');
      void Taro.showToast({ title: '实名认证成功', icon: 'success' });
      backToMine();
    },
    { key },
  );
  const error = verifying.error;

  function onSubmit() {
    if (verifying.busy) return;
    const n = checkRealName(name);
    const i = checkIdNumberText(idNumber);
    setNameError(n);
    setIdError(i);
    verifying.clear();
    if (n || i) return;
    void verifying.run();
  }

  if (state.status === 'signedOut') {
    return (
      <Page className='realname'>
        <IdentityStep need='signIn' why='实名认证需要先用微信登录；登录后留在这一页填写。' />
      </Page>
    );
  }

  return (
    <Page className='realname'>
      <View className='jsb-card realname__card'>
        <Text className='jsb-title'>实名认证</Text>
        <Text className='realname__why'>办事预约需要实名：大厅按身份证核对预约人，认证一次，以后预约不用再填。</Text>
        <Text className='jsb-muted'>我们把姓名和身份证号码交给政务系统核验；本服务只保存打码后的号码（如 370***********1234），用于显示给您本人。</Text>
      </View>

      <View className='jsb-card realname__card'>
        <Field
          label='姓名'
          placeholder='请填写身份证上的姓名'
          maxLength={TEXT_LIMITS.name.max}
          value={name}
          error={nameError}
          onChange={(v) => {
            setName(v);
            setNameError(null);
            verifying.clear();
            key.renew();
          }}
          onBlur={() => name && setNameError(checkRealName(name))}
        />
        <Field
          label='身份证号码'
          type='idcard'
          kind='id'
          placeholder='请填写18位身份证号码'
          maxLength={18}
          groups={GROUPS.idNumber}
          value={idNumber}
          error={idError}
          onChange={(v) => {
            setIdNumber(v);
            setIdError(null);
            verifying.clear();
            key.renew();
          }}
          onBlur={() => idNumber && setIdError(checkIdNumberText(idNumber))}
        />

        {error ? <ErrorNotice error={error} /> : null}

        <Button className='realname__submit' type='primary' size='large' block loading={verifying.busy} onClick={onSubmit}>
          提交认证
        </Button>
      </View>
    </Page>
  );
}
