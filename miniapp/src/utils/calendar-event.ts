import { atShanghai } from '@jsb/shared';

/** An appointment as a calendar entry: what the phone's calendar (weapp) or an .ics file (H5) gets. */
export interface CalendarEntry {
  title: string;
  /** Asia/Shanghai date and clock times of the slot */
  date: string;
  start: string;
  end: string;
  location: string;
  description: string;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escape = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** RFC 5545 text with a reminder an hour before; times in UTC so every calendar places them right. */
export function icsText(e: CalendarEntry, uid: string, now: Date = new Date()): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jishiban//booking//ZH',
    'BEGIN:VEVENT',
    `UID:${uid}@jishiban`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(atShanghai(e.date, e.start))}`,
    `DTEND:${stamp(atShanghai(e.date, e.end))}`,
    `SUMMARY:${escape(e.title)}`,
    `LOCATION:${escape(e.location)}`,
    `DESCRIPTION:${escape(e.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT1H',
    `DESCRIPTION:${escape(e.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** seconds since the epoch, as wx.addPhoneCalendar wants them */
export const unixSeconds = (date: string, time: string): number => Math.floor(atShanghai(date, time).getTime() / 1000);
