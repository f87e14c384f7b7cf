import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { SLOT_KIND_LABEL } from '@jsb/shared';
import { getAppointmentTicket, listMyAppointments } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { IdentityStep } from '../../components/IdentityStep';
import { StateBlock } from '../../components/StateBlock';
import { Button } from '../../components/ui';
import { StandingNotice, Ticket } from '../../components/booking';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { useStore } from '../../hooks/useStore';
import { loadHalls, loadStanding, standingStore } from '../../services/booking';
import { BOOKING_STATUS_LABEL, dateLabel, nextBooked, timeRange } from '../../utils/booking-format';
import { appointmentUrl, BOOKING_TAB, REAL_NAME } from '../../utils/routes';
import './index.scss';
import { tappable } from '../../utils/a11y';

/** 我的预约: the next ticket first (QR, booking number, where, calendar), then every appointment with its status. */
export default function Appointments() {
  const signedIn = useSignedIn();
  const list = useLoad(listMyAppointments, [], signedIn);
  const next = list.data ? nextBooked(list.data) : undefined;
  const ticket = useLoad(() => getAppointmentTicket(next?.id ?? ''), [next?.id], signedIn && Boolean(next));
  const halls = useLoad(loadHalls, []);
  const standing = useStore(standingStore);
  useReshow(() => list.reload());
  useDidShow(() => {
    void loadStanding();
  });

  const goBook = () => void Taro.switchTab({ url: BOOKING_TAB });

  if (!signedIn)
    return (
      <Page>
        <IdentityStep need='signIn' why='登录后可以查看和管理您的预约。' />
      </Page>
    );

  return (
    <Page className='appts'>
      {next ? <Ticket a={next} hall={halls.data?.find((h) => h.id === next.hallId)} ticket={ticket} onRetry={ticket.reload} /> : null}
      {standing.status === 'ready' ? <StandingNotice standing={standing.standing} compact /> : null}
      {list.status === 'loading' && !list.data ? <StateBlock tone='loading' text='正在读取您的预约…' /> : null}
      {list.status === 'error' && list.error.code === 'REAL_NAME_REQUIRED' ? (
        // no real name yet means no appointment yet: say how to get to the first one
        <StateBlock text='您还没有预约。预约办事需要先实名认证，认证一次即可。'>
          <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: REAL_NAME })}>
            去实名认证
          </Button>
          <Button size='large' block onClick={goBook}>
            去预约
          </Button>
        </StateBlock>
      ) : null}
      {list.status === 'error' && list.error.code !== 'REAL_NAME_REQUIRED' ? (
        <ErrorNotice error={list.error} retryText='重新加载' onRetry={list.reload} />
      ) : null}
      {list.data && list.data.length === 0 ? (
        <StateBlock text='您还没有预约。选好事项和时段，来大厅不用排长队。'>
          <Button type='primary' size='large' block onClick={goBook}>
            去预约
          </Button>
        </StateBlock>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <>
          {list.data.map((a) => (
            <View
              key={a.id}
              className='jsb-card appts__row'
              hoverClass='appts__row--pressed'
              {...tappable()}
              onClick={() => void Taro.navigateTo({ url: appointmentUrl(a.id) })}
            >
              <View className='appts__head'>
                <Text className='appts__name'>{a.itemName}</Text>
                <Text className={`bk-status bk-status--${a.status}`}>{BOOKING_STATUS_LABEL[a.status]}</Text>
              </View>
              <Text className='appts__when'>
                {dateLabel(a.date)} {timeRange(a.start, a.end)} · {SLOT_KIND_LABEL[a.slotKind]}
              </Text>
              <Text className='jsb-muted'>
                {a.hallName} · {a.zoneName}
              </Text>
            </View>
          ))}
          <Button type='primary' fill='outline' block onClick={goBook}>
            再约一个
          </Button>
        </>
      ) : null}
    </Page>
  );
}
