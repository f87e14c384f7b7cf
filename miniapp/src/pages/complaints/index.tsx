import { momentText } from '@jsb/shared';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listMyComplaints } from '../../api/complaints';
import { Page } from '../../components/Page';
import { opening } from '../../components/Opening';
import { IdentityStep } from '../../components/IdentityStep';
import { StateBlock } from '../../components/StateBlock';
import { Button } from '../../components/ui';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { complaintUrl, COMPLAINT_NEW, slaLine } from '../../utils/complaint-format';
import './index.scss';
import { tappable } from '../../utils/a11y';

/** 我的找茬: newest first, each with its state and where its deadline stands. */
export default function MyComplaints() {
  const signedIn = useSignedIn();
  const list = useLoad(listMyComplaints, [], signedIn);
  useReshow(() => list.reload());
  const goNew = () => void Taro.navigateTo({ url: COMPLAINT_NEW });

  if (!signedIn)
    return (
      <Page>
        <IdentityStep need='signIn' why='登录后可以查看您提交的找茬和答复。' />
      </Page>
    );

  return (
    <Page className='zc'>
      {opening({ load: list, loading: '正在读取您的找茬…' })}
      {list.data?.notice ? <Text className='zc-notice'>{list.data.notice}</Text> : null}
      {list.data && list.data.complaints.length === 0 ? (
        <StateBlock text='您还没有找过茬。窗口说"No"、办事不顺，都可以来反映，限时答复。'>
          <Button type='primary' size='large' block onClick={goNew}>
            我要找茬
          </Button>
        </StateBlock>
      ) : null}
      {list.data && list.data.complaints.length > 0 ? (
        <>
          {list.data.complaints.map((c) => {
            const sla = slaLine(c);
            return (
              <View
                key={c.id}
                className='jsb-card zc-row'
                hoverClass='zc-row--pressed'
                {...tappable()}
                onClick={() => void Taro.navigateTo({ url: complaintUrl(c.id) })}
              >
                <View className='zc-row__head'>
                  <Text className='zc-row__title'>{c.category}</Text>
                  <Text className={`zc-status zc-status--${c.status}`}>{c.statusLabel}</Text>
                </View>
                <Text className='jsb-muted'>{c.trackingNo ? `编号 ${c.trackingNo}` : '等待转交，转交后显示编号'}</Text>
                <Text className='zc-row__desc'>{c.description}</Text>
                <Text className={`zc-sla zc-sla--${sla.tone}`}>{sla.text}</Text>
                <Text className='jsb-muted'>
                  {c.target.hallName ?? c.target.hallId}
                  {c.target.windowNo ? ` · ${c.target.windowNo}号窗口` : ''} · {momentText(c.submittedAt)}提交
                </Text>
              </View>
            );
          })}
          <Button type='primary' fill='outline' block onClick={goNew}>
            再找一个茬
          </Button>
        </>
      ) : null}
    </Page>
  );
}
