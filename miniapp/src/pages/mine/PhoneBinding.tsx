import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Button, Input } from '../../components/ui';
import { useActionKey } from '../../hooks/useActionKey';
import { useSubmit } from '../../hooks/useSubmit';
import { bindPhoneForDev, bindPhoneWithCode } from '../../services/phone';
import { checkPhoneNumber } from '../../utils/validate';

/** weapp: WeChat's own phone-number button. H5 (development): type a number, the WeChat mock vouches for it. */
export function PhoneBinding() {
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const key = useActionKey();
  const binding = useSubmit(
    async (bind: (key: string) => Promise<void>) => {
      await bind(key.take());
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    },
    { key },
  );
  const { busy, error } = binding;

  function onGetPhoneNumber(e: Parameters<NonNullable<ButtonProps['onGetPhoneNumber']>>[0]) {
    const code = (e.detail as { code?: string }).code;
    if (!code) {
      // refusing is the citizen's right, not an error
      void Taro.showToast({ title: '未授权，可稍后再绑定', icon: 'none' });
      return;
    }
    void binding.run((k) => bindPhoneWithCode(code, k));
  }

  function onDevBind() {
    const problem = checkPhoneNumber(phone);
    setFieldError(problem);
    if (problem) return;
    void binding.run((k) => bindPhoneForDev(phone, k));
  }

  if (process.env.TARO_ENV !== 'h5') {
    return (
      <View className='mine__phone'>
        <Button type='primary' fill='outline' block loading={busy} openType='getPhoneNumber' onGetPhoneNumber={onGetPhoneNumber}>
          绑定手机号
        </Button>
        {error ? <ErrorNotice error={error} /> : null}
      </View>
    );
  }

  return (
    <View className='mine__phone'>
      {open ? (
        <View className='mine__phone-form'>
          <Text className='jsb-muted'>开发环境：填写手机号，模拟微信授权。</Text>
          <Input
            className='mine__input'
            type='tel'
            maxLength={11}
            placeholder='请输入11位手机号码'
            value={phone}
            onChange={(v: string) => {
              setPhone(v);
              setFieldError(null);
              key.renew();
            }}
          />
          {fieldError ? <Text className='mine__field-error'>{fieldError}</Text> : null}
          <Button type='primary' block loading={busy} onClick={onDevBind}>
            获取授权
          </Button>
        </View>
      ) : (
        <Button type='primary' fill='outline' block onClick={() => setOpen(true)}>
          绑定手机号
        </Button>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </View>
  );
}
