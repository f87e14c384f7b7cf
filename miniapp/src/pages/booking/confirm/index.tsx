import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { NearestSlot } from '@jsb/shared';
import { bookingWords, DAY_KIND_LABEL, parseSlotId, SLOT_KIND_LABEL } from '@jsb/shared';
import { createAppointment, getItem, listSlots } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { IdentityStep } from '../../../components/IdentityStep';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { Fact, MaterialList, RefusalNotice } from '../../../components/booking';
import { useActionKey } from '../../../hooks/useActionKey';
import { useLoad } from '../../../hooks/useLoad';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { useSubmit } from '../../../hooks/useSubmit';
import { identityWait, useIdentity } from '../../../hooks/useIdentity';
import { currentHall, loadHalls } from '../../../services/booking';
import { fullDateLabel, slotStateText, timeRange } from '../../../utils/booking-format';
import { refusalView } from '../../../utils/booking-refusal';
import { appointmentUrl, param, slotsUrl } from '../../../utils/routes';
import './index.scss';

const words = bookingWords();

interface Target {
  slotId: string;
  date: string;
  start: string;
  end: string;
  kind: NearestSlot['kind'];
}

/**
 * The last step: the whole booking repeated, the complete checklist again (一次告知), then 确认预约.
 * One Idempotency-Key per confirm action: a retry after a lost answer cannot book twice.
 */
export default function ConfirmPage() {
  const params = useRouter().params;
  const itemId = param(params.itemId);
  const hallId = param(params.hallId);
  const themeId = param(params.themeId);
  const signedIn = useSignedIn();
  const identity = useIdentity();
  const [retarget, setRetarget] = useState<Target | null>(null);
  const slotId = retarget?.slotId ?? param(params.slotId);
  const date = retarget?.date ?? parseSlotId(slotId)?.date ?? '';

  const item = useLoad(() => getItem(itemId), [itemId], Boolean(itemId));
  const halls = useLoad(loadHalls, []);
  const day = useLoad(() => listSlots({ hallId, itemId, from: date, to: date }), [hallId, itemId, date], signedIn && Boolean(hallId && itemId && date));

  const [checked, setChecked] = useState<boolean[]>([]);
  const key = useActionKey();
  // a definite refusal ends this action; after a lost answer (network, 5xx) the retry reuses the key (useSubmit)
  const confirming = useSubmit(
    async (slotId: string) => {
      const appt = await createAppointment({ itemId, slotId }, key.take());
      void Taro.redirectTo({ url: appointmentUrl(appt.id, true, themeId || undefined) });
    },
    {
      key,
      onError: (e) => {
        if (e.code === 'SLOT_FULL' || e.code === 'OUTSIDE_BOOKING_WINDOW') day.reload();
      },
    },
  );
  const failed = confirming.error;
  const refusal = failed ? { view: refusalView(failed), ref: failed.status >= 500 ? failed.requestId : '' } : null;

  const slotDay = day.data?.days.find((d) => d.date === date);
  const slot = slotDay?.slots.find((s) => s.id === slotId);
  const target: Target | null = slot ? { slotId: slot.id, date: slot.date, start: slot.start, end: slot.end, kind: slot.kind } : retarget;
  const hall = halls.data ? currentHall(halls.data, hallId) : undefined;
  const zone = hall?.zones.find((z) => z.id === (day.data?.zoneId ?? item.data?.zoneId));
  const materials = item.data?.materials ?? [];
  const ticked = materials.filter((_, i) => checked[i]).length;
  // 实名 is asked up front: the button says why it waits until the step on top is done
  const waiting = identityWait(identity, 'realName', '确认预约');

  function reselect() {
    const pages = Taro.getCurrentPages();
    const prev = pages[pages.length - 2];
    if (prev?.route?.includes('pages/booking/slots/index')) void Taro.navigateBack();
    else void Taro.redirectTo({ url: slotsUrl({ itemId, hallId }) });
  }

  function toggle(i: number) {
    setChecked((c) => {
      const next = [...c];
      next[i] = !next[i];
      return next;
    });
  }

  function onNearest(n: NearestSlot) {
    setRetarget({ slotId: n.slotId, date: n.date, start: n.start, end: n.end, kind: n.kind });
    confirming.clear();
    key.renew();
    void Taro.showToast({ title: `已改选 ${timeRange(n.start, n.end)}`, icon: 'none' });
  }

  function onConfirm() {
    if (target) void confirming.run(target.slotId);
  }

  if (!signedIn)
    return (
      <Page>
        <IdentityStep need='signIn' why='预约办事需要先登录。' />
      </Page>
    );
  if (!itemId || !hallId || !parseSlotId(slotId))
    return (
      <Page>
        <StateBlock text='预约信息不完整，请回到预约页重新选择。' />
      </Page>
    );
  if (item.status === 'error' && !item.data)
    return (
      <Page>
        <ErrorNotice error={item.error} retryText='重新加载' onRetry={item.reload} />
      </Page>
    );
  if (!item.data || (!day.data && day.status !== 'error'))
    return (
      <Page>
        <StateBlock tone='loading' text='正在核对预约信息…' />
      </Page>
    );

  const unavailable = slot && !slot.bookable ? slotStateText(slot) : !slot && !retarget && day.status === 'ready' ? '该时段已不可预约' : '';

  return (
    <Page className='confirm'>
      <IdentityStep need='realName' why='预约需要实名：大厅按身份证核对预约人。认证后回到这里，直接确认预约。' />
      <View className='jsb-card'>
        <Text className='jsb-subtitle'>请核对预约信息</Text>
        <View className='bk-facts'>
          <Fact label='事项'>{item.data.name}</Fact>
          <Fact label='大厅'>{hall ? `${hall.name}${zone ? ` · ${zone.name}专区` : ''}` : hallId}</Fact>
          {target ? (
            <>
              <Fact label='日期'>
                {fullDateLabel(target.date)}
                {slotDay ? `（${DAY_KIND_LABEL[slotDay.kind]}${slotDay.holidayName ? ` ${slotDay.holidayName}` : ''}）` : ''}
              </Fact>
              <Fact label='时间'>{timeRange(target.start, target.end)}</Fact>
              <Fact label='时段类型'>{SLOT_KIND_LABEL[target.kind]}</Fact>
              {slot ? <Fact label='余位'>{slotStateText(slot)}</Fact> : null}
            </>
          ) : null}
        </View>
        {day.status === 'error' ? <ErrorNotice error={day.error} onRetry={day.reload} /> : null}
        {unavailable ? (
          <View className='bk-banner bk-banner--warn confirm__unavailable'>
            <Text className='bk-banner__title'>这个时段现在不能预约（{unavailable}）</Text>
            <Button type='primary' fill='outline' onClick={reselect}>
              重新选择时段
            </Button>
          </View>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>请备齐以下材料（共{materials.length}项）</Text>
        <Text className='jsb-muted'>这是办理这个事项的全部材料，一次告知。逐项核对后勾选“我已备齐”。</Text>
        <MaterialList materials={materials} checked={checked} onToggle={toggle} />
        <Text className='confirm__ticked'>
          已勾选 {ticked}/{materials.length} 项{ticked < materials.length ? '；没备齐也可以先预约，办理当天带齐即可。' : '，材料已备齐。'}
        </Text>
      </View>

      <View className='jsb-card confirm__rules'>
        <Text className='jsb-subtitle'>预约须知</Text>
        <Text className='confirm__rule'>· 预约成功后凭签到码到大厅签到，预约的市民优先办理。</Text>
        <Text className='confirm__rule'>· 签到时间：{words.checkIn}。</Text>
        <Text className='confirm__rule'>· {words.cancel}。</Text>
        <Text className='confirm__rule'>· {words.noShow}。</Text>
      </View>

      {refusal ? <RefusalNotice view={refusal.view} requestRef={refusal.ref} onNearest={onNearest} onReselect={reselect} onRetry={onConfirm} /> : null}

      <Button
        className='confirm__submit'
        type='primary'
        size='large'
        block
        loading={confirming.busy}
        disabled={!target || Boolean(unavailable) || Boolean(waiting)}
        onClick={onConfirm}
      >
        {waiting ?? '确认预约'}
      </Button>
    </Page>
  );
}
