import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { getItem } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { Fact, MaterialList } from '../../../components/booking';
import { useLoad } from '../../../hooks/useLoad';
import { useStore } from '../../../hooks/useStore';
import { chooseHall, currentHall, hallIdStore, loadHalls } from '../../../services/booking';
import { formatFee, formatLimits } from '../../../utils/booking-format';
import { param, slotsUrl } from '../../../utils/routes';
import './index.scss';

/** One item: everything the citizen needs to know (一次告知) before choosing a time. */
export default function ItemPage() {
  const params = useRouter().params;
  const id = param(params.id);
  const storedHallId = useStore(hallIdStore);
  const hallId = param(params.hallId) || storedHallId;
  const item = useLoad(() => getItem(id), [id], Boolean(id));
  const halls = useLoad(loadHalls, []);

  if (!id)
    return (
      <Page>
        <StateBlock text='没有指定事项，请回到预约页重新选择。' />
      </Page>
    );
  const opened = opening({ load: item, loading: '正在读取事项…', keepData: true });
  if (opened || !item.data) return <Page>{opened}</Page>;

  const it = item.data;
  const hall = halls.data ? currentHall(halls.data, hallId) : undefined;
  const here = hall ? it.hallIds.includes(hall.id) : true;
  const elsewhere = (halls.data ?? []).filter((h) => it.hallIds.includes(h.id));

  function book(targetHallId: string) {
    void Taro.navigateTo({ url: slotsUrl({ itemId: it.id, hallId: targetHallId }) });
  }

  return (
    <Page className='item'>
      <View className='jsb-card'>
        <Text className='jsb-title'>{it.name}</Text>
        <View className='bk-facts item__facts'>
          <Fact label='实施部门'>{it.department}</Fact>
          <Fact label='办事专区'>{it.zoneName}</Fact>
          <Fact label='办理时限'>{formatLimits(it.statutoryDays, it.promisedDays)}</Fact>
          <Fact label='收费'>{formatFee(it.fee) + (it.feeNote ? `（${it.feeNote}）` : '')}</Fact>
          <Fact label='周末预约'>{it.weekendBooking ? '提供（周末和节假日上午）' : '不提供，可约工作日或错时延时时段'}</Fact>
        </View>
        {it.description ? <Text className='item__desc'>{it.description}</Text> : null}
      </View>

      {it.conditions.length ? (
        <View className='jsb-card'>
          <Text className='jsb-subtitle'>办理条件</Text>
          {it.conditions.map((c, i) => (
            <Text key={c} className='item__condition'>
              {i + 1}. {c}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>申请材料（共{it.materials.length}项，一次告知）</Text>
        <Text className='jsb-muted'>以下是办理这个事项需要的全部材料，备齐后来一次就能办好。</Text>
        <MaterialList materials={it.materials} />
      </View>

      <View className='jsb-card'>
        {hall && here ? <Text className='item__hall'>预约大厅：{hall.name}</Text> : null}
        {hall && !here ? (
          <View className='bk-banner bk-banner--warn'>
            <Text className='bk-banner__title'>{hall.name}不办理这个事项</Text>
            <Text>可以在下面的大厅预约办理：</Text>
          </View>
        ) : null}
        {hall && here ? (
          <Button type='primary' size='large' block onClick={() => book(hall.id)}>
            预约办理
          </Button>
        ) : null}
        {hall && !here
          ? elsewhere.map((h) => (
              <Button
                key={h.id}
                className='item__other-hall'
                type='primary'
                fill='outline'
                block
                onClick={() => {
                  chooseHall(h.id);
                  book(h.id);
                }}
              >
                {`在${h.name}预约办理`}
              </Button>
            ))
          : null}
        {!hall && halls.status === 'error' ? <ErrorNotice error={halls.error} onRetry={halls.reload} /> : null}
      </View>
    </Page>
  );
}
