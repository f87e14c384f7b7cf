import { View, Text } from '@tarojs/components';
import type { HomeTodoData } from '../../api/home';
import type { LoadState } from '../../hooks/useLoad';
import { tappable } from '../../utils/a11y';
import { NO_REAL_NAME_TODO, NOTHING_TODO, SIGNED_OUT_TODO, type HomeTarget, type Todo } from '../../utils/home';
import { REAL_NAME } from '../../utils/routes';
import { IdentityStep } from '../IdentityStep';
import { ErrorNotice } from '../ErrorNotice';
import { Button } from '../ui';

interface Props {
  signedIn: boolean;
  data: LoadState<HomeTodoData> & { reload: () => void };
  todos: readonly Todo[];
  onTarget: (t: HomeTarget) => void;
}

/** 我的待办: what the citizen should do next, one tap each; signed out, what signing in gives. */
export function TodoStrip({ signedIn, data, todos, onTarget }: Props) {
  return (
    <View className='jsb-card home-todo'>
      <Text className='jsb-subtitle'>我的待办</Text>
      {/* signing in happens right here, and 首页 fills in (components/IdentityStep) */}
      {!signedIn ? <IdentityStep need='signIn' why={SIGNED_OUT_TODO} plain /> : null}
      {signedIn && data.status === 'loading' && !data.data ? <Text className='jsb-muted'>正在读取您的待办…</Text> : null}
      {signedIn && data.status === 'error' && !data.data ? <ErrorNotice error={data.error} retryText='重新读取' onRetry={data.reload} /> : null}
      {signedIn && data.data ? (
        <>
          {todos.map((t) => (
            <View
              key={t.key}
              className={`home-todo__row home-todo__row--${t.kind}`}
              hoverClass='home-todo__row--pressed'
              {...tappable()}
              onClick={() => onTarget(t.target)}
            >
              <Text className='home-todo__title'>{t.title}</Text>
              <Text className='home-todo__detail'>{t.detail}</Text>
              <Text className='home-todo__action'>{t.action} ›</Text>
            </View>
          ))}
          {data.data.needsRealName ? (
            <>
              <Text className='home-todo__lead'>{NO_REAL_NAME_TODO}</Text>
              <Button type='primary' block onClick={() => onTarget({ kind: 'page', url: REAL_NAME })}>
                去实名认证
              </Button>
            </>
          ) : null}
          {!todos.length && !data.data.needsRealName ? <Text className='home-todo__lead'>{NOTHING_TODO}</Text> : null}
          {data.data.incomplete ? (
            <View className='home-todo__partial'>
              <Text className='jsb-muted'>有些内容暂时没有读到，列出的可能不全。</Text>
              <Button size='small' fill='outline' onClick={data.reload}>
                重新读取
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
