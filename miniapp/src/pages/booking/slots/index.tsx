import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { NearestSlot, Slot } from '@jsb/shared';
import { addDays, bookingWords, SLOT_KIND_LABEL } from '@jsb/shared';
import { getAppointment, getItem, listSlots, rescheduleAppointment } from '../../../api';
import { Page } from '../../../components/Page';
import { IdentityStep } from '../../../components/IdentityStep';
import { StateBlock } from '../../../components/StateBlock';
import { RefusalNotice, SlotGrid, WeekView } from '../../../components/booking';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { dateLabel, dayChip, dayNote, timeRange, todayInShanghai } from '../../../utils/booking-format';
import { refusalView } from '../../../utils/booking-refusal';
import { appointmentUrl, confirmUrl, param } from '../../../utils/routes';
import './index.scss';

const WEEK_DAYS = 8;

/**
 * The week view: 8 days from today, each with its kind; a chosen day's slots grouped by kind.
 * With `reschedule=<appointment id>` a chosen slot moves that appointment instead of booking a new one.
 */
export default function SlotsPage() {
  const params = useRouter().params;
  const itemId = param(params.itemId);
  const hallId = param(params.hallId);
  const rescheduleId = param(params.reschedule);
  const themeId = param(params.themeId);
  const signedIn = useSignedIn();
  const today = useMemo(() => todayInShanghai(), []);

  const slots = useLoad(
    () => listSlots({ hallId, itemId, from: today, to: addDays(today, WEEK_DAYS - 1) }),
    [hallId, itemId, today],
    signedIn && Boolean(hallId && itemId),
  );
  const item = useLoad(() => getItem(itemId), [itemId], Boolean(itemId));
  const moving = useLoad(() => getAppointment(rescheduleId), [rescheduleId], signedIn && Boolean(rescheduleId));
  useReshow(() => slots.reload());

  const [chosen, setChosen] = useState<string | null>(null);
  const key = useActionKey();
  const lastTarget = useRef<string | null>(null);
  const rescheduling = useSubmit(
    async (slotId: string) => {
      const appt = await rescheduleAppointment(rescheduleId, slotId, key.take());
      void Taro.showToast({ title: '改约成功', icon: 'success' });
      // back to the detail page we came from (it reloads when shown); a deep link has none
      const pages = Taro.getCurrentPages();
      if (pages[pages.length - 2]?.route?.includes('pages/appointments/detail/index')) void Taro.navigateBack();
      else void Taro.redirectTo({ url: appointmentUrl(appt.id) });
    },
    { key, onError: () => slots.reload() },
  );
  const refusal = rescheduling.error ? refusalView(rescheduling.error) : null;

  const days = slots.data?.days ?? [];
  const chips = days.map((d) => dayChip(d, today));
  // the first day with a free slot, unless the citizen chose one
  const selected = chosen ?? chips.find((c) => c.bookable > 0)?.date ?? chips[0]?.date ?? today;
  const day = days.find((d) => d.date === selected);

  async function moveTo(target: { slotId: string; date: string; start: string; end: string; kind: Slot['kind'] }) {
    if (rescheduling.busy) return;
    const { confirm } = await Taro.showModal({
      title: '确认改约',
      content: `改到 ${dateLabel(target.date)} ${timeRange(target.start, target.end)}（${SLOT_KIND_LABEL[target.kind]}）？原时段将释放给其他市民。`,
      confirmText: '确认改约',
      cancelText: '再想想',
      confirmColor: '#0b57d0',
    });
    if (!confirm) return;
    if (lastTarget.current !== target.slotId) key.renew();
    lastTarget.current = target.slotId;
    await rescheduling.run(target.slotId);
  }

  function pick(s: Slot) {
    if (rescheduleId) void moveTo({ slotId: s.id, date: s.date, start: s.start, end: s.end, kind: s.kind });
    else void Taro.navigateTo({ url: confirmUrl({ itemId, hallId, slotId: s.id, themeId: themeId || undefined }) });
  }

  function pickNearest(n: NearestSlot) {
    void moveTo(n);
  }

  if (!signedIn)
    return (
      <Page>
        <IdentityStep need='signIn' why='查看可预约时段和预约办事需要先登录。' />
      </Page>
    );
  if (!hallId || !itemId)
    return (
      <Page>
        <StateBlock text='没有指定大厅或事项，请回到预约页重新选择。' />
      </Page>
    );

  return (
    <Page className='slots'>
      <View className='jsb-card slots__head'>
        {rescheduleId ? <Text className='slots__mode'>改约：请选择新的时段</Text> : null}
        <Text className='jsb-subtitle'>{item.data?.name ?? '选择时段'}</Text>
        {moving.data ? (
          <Text className='jsb-muted'>
            原预约：{dateLabel(moving.data.date)} {timeRange(moving.data.start, moving.data.end)}
          </Text>
        ) : null}
        <Text className='jsb-muted'>{bookingWords().window}。正常时段、错时延时、周末/节假日各有名额。</Text>
      </View>

      {refusal ? <RefusalNotice view={refusal} onNearest={pickNearest} onRetry={slots.reload} /> : null}

      {slots.status === 'loading' && !slots.data ? <StateBlock tone='loading' text='正在查询可预约时段…' /> : null}
      {slots.status === 'error' && !slots.data ? <RefusalNotice view={refusalView(slots.error)} onRetry={slots.reload} /> : null}

      {slots.data ? (
        <>
          <WeekView days={chips} selected={selected} onSelect={setChosen} />
          {day ? (
            <View className='jsb-card slots__day'>
              <Text className='slots__day-title'>
                {dateLabel(day.date)} · {chips.find((c) => c.date === day.date)?.kindLabel}
              </Text>
              <Text className='jsb-muted'>{dayNote(day)}</Text>
              {day.slots.length === 0 || day.slots.every((s) => !s.bookable) ? (
                <Text className='slots__empty'>这一天没有可预约的时段，请选其他日期</Text>
              ) : null}
              {day.slots.length ? <SlotGrid slots={day.slots} onPick={pick} currentId={moving.data?.slotId} /> : null}
            </View>
          ) : (
            <StateBlock text='这一天没有可预约的时段，请选其他日期' />
          )}
          {slots.status === 'error' ? <RefusalNotice view={refusalView(slots.error)} onRetry={slots.reload} /> : null}
        </>
      ) : null}
      {rescheduling.busy ? <StateBlock tone='loading' text='正在改约…' /> : null}
    </Page>
  );
}
