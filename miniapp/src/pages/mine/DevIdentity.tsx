import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '../../components/ui';
import { useStore } from '../../hooks/useStore';
import { chooseDevOpenid, devOpenidStore, getDevOpenid } from '../../services/dev-identity';

/**
 * H5 development only: which test citizen signs in. Also settable with `#/pages/mine/index?openid=…`.
 * Rendered only when TARO_ENV is h5, so it is compiled out of the weapp build.
 */
export function DevIdentity() {
  const current = useStore(devOpenidStore) ?? getDevOpenid();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function onSwitch() {
    const p = chooseDevOpenid(draft);
    setProblem(p);
    if (!p) setDraft('');
  }

  return (
    <View className='jsb-card mine__dev'>
      <Text className='jsb-subtitle'>测试身份（仅H5开发环境）</Text>
      <Text className='jsb-muted'>当前 openid：</Text>
      <Text className='mine__dev-openid'>{current}</Text>
      <Input className='mine__input' placeholder='新的测试 openid，如 citizen_a' value={draft} onChange={(v: string) => setDraft(v)} />
      {problem ? <Text className='mine__field-error'>{problem}</Text> : null}
      <Button size='small' onClick={onSwitch}>
        切换测试身份
      </Button>
    </View>
  );
}
