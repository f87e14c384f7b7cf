import { View, Text, Image } from '@tarojs/components';
import type { Appointment, AppointmentTicket, Hall } from '@jsb/shared';
import type { ApiError } from '../../api';
import { addToCalendar, findHall } from '../../services/ticket-actions';
import { checkInText, fullDateLabel, timeRange } from '../../utils/booking-format';
import { ErrorNotice } from '../ErrorNotice';
import { Button } from '../ui';

interface Props {
  a: Appointment;
  hall: Hall | undefined;
  ticket: { data: AppointmentTicket | null; status: string; error?: ApiError };
  onRetry: () => void;
}

/**
 * The check-in ticket, first on the page: the QR code, the booking number under it, when to come and where, and the
 * two things a citizen does next (find the hall, put it in the calendar).
 */
export function Ticket({ a, hall, ticket, onRetry }: Props) {
  const where = hall ? `${hall.name} ${hall.address}` : a.hallName;
  return (
    <View className='jsb-card bk-ticket'>
      <Text className='jsb-subtitle'>签到码</Text>
      {ticket.data ? (
        <Image className='bk-ticket__qr' src={ticket.data.qrPng} mode='scaleToFill' nativeProps={{ alt: '签到二维码，到大厅后出示给工作人员扫码' }} />
      ) : ticket.status === 'error' && ticket.error ? (
        <ErrorNotice error={ticket.error} retryText='重新获取签到码' onRetry={onRetry} />
      ) : (
        <Text className='jsb-muted'>正在生成签到码…</Text>
      )}
      <Text className='bk-ticket__no'>预约号 {a.id}</Text>
      <Text className='bk-ticket__when'>
        {fullDateLabel(a.date)} {timeRange(a.start, a.end)}
      </Text>
      <Text className='bk-ticket__window'>{checkInText(ticket.data?.validFrom ?? a.checkInFrom, ticket.data?.validUntil ?? a.checkInUntil)}</Text>
      <Text className='jsb-muted'>
        {a.hallName} · {a.zoneName}专区{hall ? ` · ${hall.address}` : ''}
      </Text>
      <Text className='jsb-muted'>到大厅后在签到机或窗口出示此码，截屏也可以使用。</Text>
      <View className='bk-ticket__actions'>
        {hall ? (
          <Button fill='outline' onClick={() => findHall(hall.address)}>
            {process.env.TARO_ENV === 'h5' ? '在地图中查看' : '复制大厅地址'}
          </Button>
        ) : null}
        <Button
          fill='outline'
          onClick={() =>
            void addToCalendar(
              {
                title: `大厅办事：${a.itemName}`,
                date: a.date,
                start: a.start,
                end: a.end,
                location: where,
                description: `预约号 ${a.id}。请带齐材料，按时签到。`,
              },
              a.id,
            )
          }
        >
          加入日历
        </Button>
      </View>
    </View>
  );
}
