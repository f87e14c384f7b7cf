import Taro from '@tarojs/taro';
import { icsText, unixSeconds, type CalendarEntry } from '../utils/calendar-event';

/**
 * What a citizen does with a ticket beyond showing it: put the appointment in the phone's calendar, find the hall.
 * weapp uses WeChat's own calendar and clipboard; H5 hands over an .ics file and opens a map search.
 */
export async function addToCalendar(e: CalendarEntry, uid: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([icsText(e, uid)], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `预约-${e.date}.ics`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  // wx directly, typed by miniprogram-api-typings: Taro 4 types startTime as a string, WeChat wants seconds
  wx.addPhoneCalendar({
    title: e.title,
    startTime: unixSeconds(e.date, e.start),
    // WeChat documents endTime as a string of seconds
    endTime: String(unixSeconds(e.date, e.end)),
    location: e.location,
    description: e.description,
    alarm: true,
    alarmOffset: 3600,
    success: () => void Taro.showToast({ title: '已加入手机日历', icon: 'success' }),
    // closing WeChat's calendar sheet is the citizen's choice: nothing to say then
    fail: (err) => {
      if (!err.errMsg.includes('cancel')) void Taro.showToast({ title: '没能加入日历，请检查微信的日历权限', icon: 'none' });
    },
  });
}

/** The hall on a map: H5 opens a map search by address; WeChat needs coordinates we do not have, so it copies it. */
export function findHall(address: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(`https://uri.amap.com/search?keyword=${encodeURIComponent(address)}&city=济宁`, '_blank', 'noopener');
    return;
  }
  void Taro.setClipboardData({ data: address });
}
