import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { getTheme, listMyAppointments } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Page } from '../../../components/Page';
import { opening } from '../../../components/Opening';
import { StateBlock } from '../../../components/StateBlock';
import { Button } from '../../../components/ui';
import { ItemRow, MaterialList } from '../../../components/booking';
import { useIdentity } from '../../../hooks/useIdentity';
import { useLoad } from '../../../hooks/useLoad';
import { useReshow } from '../../../hooks/useReshow';
import { useStore } from '../../../hooks/useStore';
import { currentHall, hallIdStore, loadHalls } from '../../../services/booking';
import { dateLabel, themeProgress, timeRange } from '../../../utils/booking-format';
import { appointmentUrl, itemUrl, param, slotsUrl } from '../../../utils/routes';
import './index.scss';

/**
 * 一链办理: the theme's items as steps in order, one merged checklist (what an earlier step makes is marked, each
 * agency keeps its own form), and the citizen's progress: each step booked or still to book, "已预约 2/7".
 */
export default function ThemePage() {
  const params = useRouter().params;
  const id = param(params.id);
  const storedHallId = useStore(hallIdStore);
  const hallId = param(params.hallId) || storedHallId;
  const theme = useLoad(() => getTheme(id), [id], Boolean(id));
  const halls = useLoad(loadHalls, []);
  const hall = halls.data ? currentHall(halls.data, hallId) : undefined;
  const identity = useIdentity();
  const mine = useLoad(listMyAppointments, [], identity.status === 'verified');
  useReshow(() => mine.reload());

  if (!id)
    return (
      <Page>
        <StateBlock text='没有指定主题，请回到预约页重新选择。' />
      </Page>
    );
  const opened = opening({ load: theme, loading: '正在读取…', keepData: true });
  if (opened || !theme.data) return <Page>{opened}</Page>;
  const t = theme.data;
  const progress = themeProgress(t.items, mine.data ?? []);

  return (
    <Page className='theme'>
      <View className='jsb-card'>
        <Text className='jsb-title'>{t.name}</Text>
        <Text className='theme__desc'>{t.description}</Text>
        <Text className='jsb-muted'>
          共 {t.items.length} 步、{t.materials.length} 项材料；同一份材料只需准备一次。
        </Text>
        {mine.data ? (
          <Text className='theme__progress'>
            已预约 {progress.booked}/{t.items.length}
            {progress.next ? `，下一步：${progress.next.name}` : '，每一步都约好了'}
          </Text>
        ) : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>办理步骤</Text>
        <Text className='jsb-muted'>按顺序一步一步预约办理：前一步拿到的证照，后面的步骤就不用另外准备。</Text>
        {t.items.map((it, i) => {
          const booked = progress.byItem.get(it.id);
          return (
            <View key={it.id} className='theme__item'>
              <Text className='theme__step'>第{i + 1}步</Text>
              <ItemRow item={it} onOpen={() => void Taro.navigateTo({ url: itemUrl(it.id, hall?.id) })} />
              {booked ? (
                <View className='theme__booked'>
                  <Text>
                    已预约 {dateLabel(booked.date)} {timeRange(booked.start, booked.end)}
                  </Text>
                  <Button size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: appointmentUrl(booked.id) })}>
                    签到码
                  </Button>
                </View>
              ) : (
                <Button
                  type='primary'
                  fill='outline'
                  block
                  disabled={!hall}
                  loading={!hall && halls.status === 'loading'}
                  onClick={() => hall && void Taro.navigateTo({ url: slotsUrl({ itemId: it.id, hallId: hall.id, themeId: t.id }) })}
                >
                  预约第{i + 1}步
                </Button>
              )}
            </View>
          );
        })}
        {hall ? <Text className='jsb-muted theme__hall'>预约大厅：{hall.name}（可在预约页切换）</Text> : null}
        {halls.status === 'error' ? <ErrorNotice error={halls.error} onRetry={halls.reload} /> : null}
      </View>

      <View className='jsb-card'>
        <Text className='jsb-subtitle'>合并材料清单（一次告知）</Text>
        <MaterialList materials={t.materials} />
      </View>
    </Page>
  );
}
