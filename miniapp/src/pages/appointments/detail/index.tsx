import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { bookingWords, DAY_KIND_LABEL, SLOT_KIND_LABEL } from '@jsb/shared';
import { cancelAppointment, getAppointment, getAppointmentTicket, getItem, getTheme } from '../../../api';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { Fact, MaterialList, RefusalNotice, Ticket } from '../../../components/booking';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { loadHalls, loadStanding } from '../../../services/booking';
import { backTo } from '../../../services/navigation';
import { ReminderSubscription } from './ReminderSubscription';
import { BOOKING_STATUS_LABEL, dateTimeLabel, fullDateLabel, timeRange } from '../../../utils/booking-format';
import { refusalView } from '../../../utils/booking-refusal';
import { APPOINTMENTS, param, slotsUrl, themeUrl } from '../../../utils/routes';
import './index.scss';

const words = bookingWords();

/** One appointment: the check-in QR ticket first, then what and where, reminders, the materials again, cancel and reschedule. */
export default function AppointmentDetail() {
  const params = useRouter().params;
  const id = param(params.id);
  const created = params.created === '1';
  // booked as a step of a 一链办理 theme: lead back to it for the next step
  const themeId = param(params.themeId);
  const theme = useLoad(() => getTheme(themeId), [themeId], Boolean(themeId));
  const signedIn = useSignedIn();
  const appt = useLoad(() => getAppointment(id), [id], signedIn && Boolean(id));
  const a = appt.data;
  const booked = a?.status === 'booked';
  const ticket = useLoad(() => getAppointmentTicket(id), [id, a?.slotId, booked], signedIn && booked);
  const item = useLoad(() => getItem(a?.itemId ?? ''), [a?.itemId], Boolean(a?.itemId));
  const halls = useLoad(loadHalls, []);
  useReshow(() => appt.reload());

  const key = useActionKey();
  const cancelling = useSubmit(
    async () => {
      await cancelAppointment(id, key.take());
      void Taro.showToast({ title: '已取消预约', icon: 'success' });
      appt.reload();
      void loadStanding();
    },
    { key, onError: () => appt.reload() },
  );
  const busy = cancelling.busy;
  const refusal = cancelling.error ? refusalView(cancelling.error) : null;

  if (signedIn && !id)
    return (
      <Page>
        <StateBlock text='没有指定预约，请到“我的预约”中查看。' />
      </Page>
    );
  const opened = opening({ signIn: { signedIn, why: '查看预约需要先登录。' }, load: appt, loading: '正在读取预约…', keepData: true });
  if (opened || !a) return <Page>{opened}</Page>;

  const hall = halls.data?.find((h) => h.id === a.hallId);
  const deadline = dateTimeLabel(a.changeDeadline);
  const lateReason = `${words.tooSoon}（网上取消、改约截止于 ${deadline}），请按时到大厅办理；如确实无法前往，请拨打大厅电话${hall ? ` ${hall.phone}` : ''}说明。`;

  async function onCancel() {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `开始前${words.cancelLead}（${deadline}）以前可以在网上取消或改约。取消后名额会释放给其他市民。确定取消吗？`,
      confirmText: '确定取消',
      cancelText: '再想想',
      confirmColor: '#b3261e',
    });
    if (!confirm) return;
    await cancelling.run();
  }

  function toList() {
    const pages = Taro.getCurrentPages();
    if (pages[pages.length - 2]?.route?.includes('pages/appointments/index')) void Taro.navigateBack();
    else void Taro.redirectTo({ url: APPOINTMENTS });
  }

  function onReschedule() {
    if (!a) return;
    void Taro.navigateTo({ url: slotsUrl({ itemId: a.itemId, hallId: a.hallId, reschedule: a.id }) });
  }

  return (
    <Page className='appt'>
      {created && booked && !a.rescheduledFrom ? (
        <View className='bk-banner bk-banner--ok appt__success'>
          <Text className='appt__success-title'>预约成功</Text>
          <Text>请按时到大厅签到，预约的市民优先办理。</Text>
        </View>
      ) : null}

      {booked ? <Ticket a={a} hall={hall} ticket={ticket} onRetry={ticket.reload} /> : null}
      {theme.data ? (
        <Button type='primary' size='large' block onClick={() => backTo('pages/booking/theme/index', themeUrl(theme.data!.id, a.hallId))}>
          回到「{theme.data.name}」，预约下一步
        </Button>
      ) : null}

      <View className='jsb-card'>
        <View className='appt__head'>
          <Text className='jsb-subtitle appt__name'>{a.itemName}</Text>
          <Text className={`bk-status bk-status--${a.status}`}>{BOOKING_STATUS_LABEL[a.status]}</Text>
        </View>
        <View className='bk-facts'>
          <Fact label='大厅'>{`${a.hallName} · ${a.zoneName}专区`}</Fact>
          {hall ? <Fact label='地址'>{hall.address}</Fact> : null}
          <Fact label='日期'>{`${fullDateLabel(a.date)}（${DAY_KIND_LABEL[a.dayKind]}）`}</Fact>
          <Fact label='时间'>{timeRange(a.start, a.end)}</Fact>
          <Fact label='时段类型'>{SLOT_KIND_LABEL[a.slotKind]}</Fact>
          {a.cancelledAt ? <Fact label='取消时间'>{dateTimeLabel(a.cancelledAt)}</Fact> : null}
          {a.checkedInAt ? <Fact label='签到时间'>{dateTimeLabel(a.checkedInAt)}</Fact> : null}
        </View>
      </View>

      {booked ? <ReminderSubscription /> : null}

      {booked && item.data ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle'>请带齐材料（共{item.data.materials.length}项）</Text>
          <MaterialList materials={item.data.materials} />
        </View>
      ) : null}

      {refusal ? <RefusalNotice view={refusal} onRetry={() => void onCancel()} /> : null}

      {booked ? (
        <View className='jsb-card appt__actions'>
          {!a.canChange ? (
            <Text className='appt__late'>{lateReason}</Text>
          ) : (
            <Text className='jsb-muted'>
              开始前{words.cancelLead}（{deadline}）以前可以取消或改约。
            </Text>
          )}
          <Button type='primary' fill='outline' size='large' block disabled={!a.canChange || busy} onClick={onReschedule}>
            改约
          </Button>
          <Button className='appt__cancel' size='large' block disabled={!a.canChange} loading={busy} onClick={() => void onCancel()}>
            取消预约
          </Button>
        </View>
      ) : null}

      <Button block onClick={toList}>
        查看我的预约
      </Button>
    </Page>
  );
}
