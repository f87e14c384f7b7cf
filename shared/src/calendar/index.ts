export {
  type IsoDate,
  type HhMm,
  isIsoDate,
  isHhMm,
  shanghaiDate,
  shanghaiTime,
  atShanghai,
  minutesOfDay,
  fromMinutes,
  addDays,
  weekday,
  isWeekend,
  daysBetween,
  dateRange,
} from './date';
export {
  type CalendarData,
  type DayKind,
  type Pause,
  DAY_KINDS,
  DAY_KIND_LABEL,
  dayKind,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  workingDaysElapsed,
} from './calendar';
export { monthDayText, fullDateText, weekdayText, momentText, fullMomentText } from './words';
