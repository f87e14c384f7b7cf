import { createHmac, timingSafeEqual } from 'node:crypto';
import { atShanghai, CoreRefusal } from '@jsb/shared';
import { checkInValidity, type Booking, type Ticket } from '@jsb/shared';
import type { CoreState } from '../state';
import { ensureActive, ensureOwnBooking } from './bookings.domain';

/**
 * The check-in QR code: `JSB1.<base64url JSON payload>.<base64url HMAC-SHA256>`, the MAC taken
 * over `JSB1.<payload>` with a key that never leaves the core. The payload names the booking,
 * its slot and the validity window, so a ticket from before a reschedule no longer admits.
 */
const VERSION = 'JSB1';

interface TicketPayload {
  b: string;
  s: string;
  f: string;
  u: string;
}

const mac = (key: Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

export function issueTicket(state: CoreState, id: string, personId: string): Ticket {
  const booking = ensureOwnBooking(state, id, personId);
  if (booking.status !== 'checked-in') ensureActive(booking);
  const { validFrom, validUntil } = checkInValidity(atShanghai(booking.date, booking.start), atShanghai(booking.date, booking.end), state.booking.rules);
  const payload: TicketPayload = { b: booking.id, s: booking.slotId, f: validFrom.toISOString(), u: validUntil.toISOString() };
  const body = `${VERSION}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return { bookingId: booking.id, ticket: `${body}.${mac(state.booking.ticketKey, body).toString('base64url')}`, validFrom: payload.f, validUntil: payload.u };
}

const invalid = (message = '二维码无法识别，请在“我的预约”中重新打开二维码'): CoreRefusal => new CoreRefusal(400, 'TICKET_INVALID', message);

function readTicket(key: Buffer, ticket: unknown): TicketPayload {
  if (typeof ticket !== 'string') throw invalid();
  const parts = ticket.split('.');
  const [version, payload, signature] = parts;
  if (parts.length !== 3 || version !== VERSION || !payload || !signature) throw invalid();
  const expected = mac(key, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TicketPayload;
  return parsed;
}

/** Staff scan a ticket. A second scan of a checked-in booking answers the same booking again. */
export function checkIn(state: CoreState, now: Date, ticket: unknown): Booking {
  const t = readTicket(state.booking.ticketKey, ticket);
  const booking = state.booking.bookings.get(t.b);
  if (!booking) throw invalid();
  if (booking.slotId !== t.s) throw invalid('该预约已改期，这张二维码已失效，请在“我的预约”中打开新的二维码');
  if (booking.status === 'checked-in') return booking;
  ensureActive(booking);
  const window = { validFrom: t.f, validUntil: t.u };
  if (now.getTime() < Date.parse(t.f)) {
    throw new CoreRefusal(409, 'TICKET_NOT_YET_VALID', '还未到签到时间：预约开始前30分钟起可签到，请稍候', window);
  }
  if (now.getTime() > Date.parse(t.u)) {
    throw new CoreRefusal(409, 'TICKET_EXPIRED', '已超过签到时间，预约已失效；请到取号机取号办理，或重新预约', window);
  }
  booking.status = 'checked-in';
  booking.checkedInAt = now.toISOString();
  return booking;
}
