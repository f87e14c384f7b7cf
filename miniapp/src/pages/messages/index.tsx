import { momentText } from '@jsb/shared';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Message } from '@jsb/shared';
import { asApiError, type ApiError } from '../../api';
import { listMessages, markAllRead, markRead } from '../../api/messages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { opening } from '../../components/Opening';
import { StateBlock } from '../../components/StateBlock';
import { Button } from '../../components/ui';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { loadUnread } from '../../services/unread';
import { tappable } from '../../utils/a11y';
import './index.scss';

/**
 * 消息: everything that happened to the citizen's cases, complaints, ratings and payments, newest first, whether or
 * not a WeChat message could be sent; opening one marks it read and goes to what it is about.
 */
export default function Messages() {
  const signedIn = useSignedIn();
  const first = useLoad(() => listMessages(), [], signedIn);
  const [older, setOlder] = useState<{ messages: Message[]; next?: string }>({ messages: [] });
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  useReshow(() => first.reload());

  const opened = opening({
    signIn: { signedIn, why: '登录后可以查看办件、找茬、评价和缴费的每一个进展。' },
    load: first,
    loading: '正在读取消息…',
    keepData: true,
  });
  if (opened || !first.data) return <Page>{opened}</Page>;

  const all = [...first.data.messages, ...older.messages.filter((m) => !first.data!.messages.some((x) => x.id === m.id))];
  const next = older.next ?? (older.messages.length ? undefined : first.data.next);
  const isRead = (m: Message) => m.read || readIds.has(m.id);
  const unread = all.filter((m) => !isRead(m)).length;

  async function open(m: Message) {
    if (!isRead(m)) {
      setReadIds((s) => new Set(s).add(m.id));
      // marking read may fail (offline): the citizen still gets to what the message is about
      markRead(m.id).then(
        () => void loadUnread(),
        () => undefined,
      );
    }
    void Taro.navigateTo({ url: `/${m.link.page}` });
  }

  async function loadOlder() {
    try {
      const page = await listMessages(next);
      setOlder((o) => ({ messages: [...o.messages, ...page.messages], next: page.next }));
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <Page className='msgs'>
      {all.length === 0 ? <StateBlock text='还没有消息。办件受理、需要补正、找茬答复、评价回访、退款到账时，都会在这里告诉您。' /> : null}
      {unread > 0 ? (
        <View className='msgs__head'>
          <Text className='msgs__count'>{unread}条未读</Text>
          <Button
            size='small'
            fill='outline'
            onClick={() =>
              void markAllRead().then(
                () => (setReadIds(new Set(all.map((m) => m.id))), void loadUnread()),
                (err: unknown) => setError(asApiError(err)),
              )
            }
          >
            全部标为已读
          </Button>
        </View>
      ) : null}
      {all.map((m) => (
        <View
          key={m.id}
          className={`jsb-card msgs__item${isRead(m) ? '' : ' msgs__item--unread'}`}
          hoverClass='msgs__item--pressed'
          {...tappable()}
          onClick={() => void open(m)}
        >
          <View className='msgs__title-row'>
            {isRead(m) ? null : <Text className='msgs__dot'>未读</Text>}
            <Text className='msgs__title'>{m.title}</Text>
          </View>
          <Text className='msgs__body'>{m.body}</Text>
          <Text className='msgs__next'>{m.nextStep}</Text>
          <Text className='jsb-muted'>{momentText(m.occurredAt)}</Text>
        </View>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      {next ? (
        <Button fill='outline' block onClick={() => void loadOlder()}>
          查看更早的消息
        </Button>
      ) : null}
    </Page>
  );
}
