import { appointmentUrl, confirmUrl, itemUrl, param, slotsUrl } from './routes';

describe('booking routes', () => {
  it('builds page URLs with encoded parameters and leaves out empty ones', () => {
    expect(itemUrl('shangshi-001', 'city')).toBe('/pages/booking/item/index?id=shangshi-001&hallId=city');
    expect(itemUrl('a b')).toBe('/pages/booking/item/index?id=a%20b');
    expect(slotsUrl({ itemId: 'x', hallId: 'city' })).toBe('/pages/booking/slots/index?itemId=x&hallId=city');
    expect(slotsUrl({ itemId: 'x', hallId: 'city', reschedule: 'ap1' })).toBe('/pages/booking/slots/index?itemId=x&hallId=city&reschedule=ap1');
    expect(confirmUrl({ itemId: 'x', hallId: 'city', slotId: 'city.shangshi.2026-02-16.0930' })).toBe(
      '/pages/booking/confirm/index?itemId=x&hallId=city&slotId=city.shangshi.2026-02-16.0930',
    );
    expect(appointmentUrl('ap1', true)).toBe('/pages/appointments/detail/index?id=ap1&created=1');
    expect(appointmentUrl('ap1')).toBe('/pages/appointments/detail/index?id=ap1');
  });

  it('decodes router parameters once, tolerating bad escapes', () => {
    expect(param('a%20b')).toBe('a b');
    expect(param('%E0%A4%A')).toBe('%E0%A4%A');
    expect(param(undefined)).toBe('');
  });
});
