/** Issue 11's floor: a 长辈版 weekend booking from 首页, signed out and not yet verified, in at most 12 taps (H5 and weapp). */
export const ELDER_WEEKEND_BOOKING_MAX_TAPS = 12;
