import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useStore } from '../../hooks/useStore';
import { unreadStore } from '../../services/unread';
import { tappable } from '../../utils/a11y';
import { MESSAGES } from '../../utils/routes';

/** 我的 › 消息, with how many are unread. */
export function MessagesEntry() {
  const unread = useStore(unreadStore);
  return (
    <View className='jsb-card mine__messages' hoverClass='mine__next--pressed' {...tappable()} onClick={() => void Taro.navigateTo({ url: MESSAGES })}>
      <Text className='jsb-subtitle'>消息</Text>
      <Text className={unread > 0 ? 'mine__unread' : 'jsb-muted'}>{unread > 0 ? `${unread}条未读` : '没有未读消息'}</Text>
    </View>
  );
}
