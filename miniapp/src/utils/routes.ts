/** URLs of the booking pages, in one place so that pages and tests agree on the parameters. */
function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export const BOOKING_TAB = '/pages/booking/index';
export const MINE_TAB = '/pages/mine/index';
export const APPOINTMENTS = '/pages/appointments/index';
export const REAL_NAME = '/pages/real-name/index';
export const MESSAGES = '/pages/messages/index';

export const itemUrl = (itemId: string, hallId?: string) => withQuery('/pages/booking/item/index', { id: itemId, hallId });
export const themeUrl = (themeId: string, hallId?: string) => withQuery('/pages/booking/theme/index', { id: themeId, hallId });
/** `themeId`: booked as a step of a 一链办理 theme; the ticket then leads back to the theme's next step */
export const slotsUrl = (p: { itemId: string; hallId: string; reschedule?: string; themeId?: string }) =>
  withQuery('/pages/booking/slots/index', { itemId: p.itemId, hallId: p.hallId, reschedule: p.reschedule, themeId: p.themeId });
export const confirmUrl = (p: { itemId: string; hallId: string; slotId: string; themeId?: string }) =>
  withQuery('/pages/booking/confirm/index', { itemId: p.itemId, hallId: p.hallId, slotId: p.slotId, themeId: p.themeId });
export const appointmentUrl = (id: string, created?: boolean, themeId?: string) =>
  withQuery('/pages/appointments/detail/index', { id, created: created ? '1' : undefined, themeId });

/** A router parameter as text: Taro hands them over URL-encoded on some platforms. */
export function param(v: string | undefined): string {
  if (!v) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
