import { SubscribeCard } from '../../../components/SubscribeCard';

/** Reminders one day and one hour before, as WeChat subscription messages: one 允许 pays for one, so two are wanted. */
export function ReminderSubscription() {
  return <SubscribeCard moment='booking' title='预约提醒' what='开始前一天和前一小时会通过微信提醒您' action='订阅预约提醒' wanted={2} />;
}
