import QRCode from 'qrcode';
import {
  bookingWords,
  cancelDeadline,
  checkInValidity,
  DEFAULT_SLOT_RULES,
  slotInstants,
  type Appointment,
  type AppointmentTicket,
  type Booking,
  type BookingStanding,
  type SlotRules,
} from '@jsb/shared';
import type { AuthContext } from '../../http/auth';
import type { IdempotencyStore } from '../../db/idempotency';
import type { CoreBookingClient } from '../../clients/core-booking.client';
import type { CitizenModel } from '../auth/citizen.model';
import type { CatalogService } from '../catalog/catalog.service';
import type { Reminders } from './reminders';
import { ensurePerson } from '../auth/person';
import { AppError, isAppError } from '../../http/errors';

export interface AppointmentsDeps {
  core: CoreBookingClient;
  citizens: CitizenModel;
  idempotency: IdempotencyStore;
  catalog: CatalogService;
  reminders: Reminders;
  clock: () => Date;
  rules?: SlotRules;
  /**
   * How long this instance answers SLOT_FULL itself after the core said a slot is full, in real milliseconds (default
   * 1000; 0 = always ask the core).
   */
  slotFullMemoryMs?: number;
  /**
   * How many bookings of one slot this instance has at the core at once (default 8); the others wait their turn, at
   * most `slotQueueWaitMs` (default 3000), and most of them are then answered from the SLOT_FULL memory.
   */
  slotGateWidth?: number;
  slotQueueWaitMs?: number;
}

/** The allow-list of what a citizen sees of a booking, with the deadlines worked out. */
export function toAppointment(b: Booking, now: Date, rules: SlotRules): Appointment {
  const { start, end } = slotInstants(b);
  const deadline = cancelDeadline(start, rules);
  const { validFrom, validUntil } = checkInValidity(start, end, rules);
  return {
    id: b.id,
    itemId: b.itemId,
    itemName: b.itemName,
    hallId: b.hallId,
    hallName: b.hallName,
    zoneId: b.zoneId,
    zoneName: b.zoneName,
    slotId: b.slotId,
    date: b.date,
    start: b.start,
    end: b.end,
    slotKind: b.slotKind,
    dayKind: b.dayKind,
    status: b.status,
    createdAt: b.createdAt,
    ...(b.cancelledAt ? { cancelledAt: b.cancelledAt } : {}),
    ...(b.rescheduledFrom ? { rescheduledFrom: b.rescheduledFrom } : {}),
    ...(b.checkedInAt ? { checkedInAt: b.checkedInAt } : {}),
    ...(b.noShowAt ? { noShowAt: b.noShowAt } : {}),
    changeDeadline: deadline.toISOString(),
    canChange: b.status === 'booked' && now.getTime() <= deadline.getTime(),
    checkInFrom: validFrom.toISOString(),
    checkInUntil: validUntil.toISOString(),
  };
}

export function createAppointmentsService(d: AppointmentsDeps) {
  const rules = d.rules ?? DEFAULT_SLOT_RULES;

  const personOf = (auth: AuthContext) => ensurePerson(d.citizens, auth, '预约需要实名：请到“我的 › 实名认证”填写姓名和身份证号码，认证后即可预约。');

  const view = (b: Booking) => toAppointment(b, d.clock(), rules);

  /**
   * Slots the core has just called full (issue 14). When a popular slot opens, hundreds of citizens press 预约 in the
   * same second; without this every one of them waits in line at the core to hear what the core said a moment ago to
   * the one before. For a second after the core's SLOT_FULL this instance gives the same answer (the same nearest free
   * slots) itself; a cancellation or a reschedule made here forgets it at once. The slot lists are cached for seconds
   * in the same spirit; the core stays the judge of every seat it gives, and a seat freed elsewhere is offered again a
   * second later at most. The memory is real time (an infrastructure cache: tests move the business clock).
   */
  const fullMemoryMs = d.slotFullMemoryMs ?? 1000;
  const full = new Map<string, { at: number; error: AppError }>();
  const knownFull = (slotId: string): AppError | undefined => {
    const hit = full.get(slotId);
    if (!hit) return undefined;
    if (Date.now() - hit.at < fullMemoryMs) return hit.error;
    full.delete(slotId);
    return undefined;
  };
  const noteFull = (slotId: string, err: unknown) => {
    if (fullMemoryMs <= 0 || !isAppError(err) || err.code !== 'SLOT_FULL') return;
    if (full.size >= 1000) full.clear();
    full.set(slotId, { at: Date.now(), error: err });
  };
  const seatFreed = (slotId: string) => void full.delete(slotId);

  /**
   * A few bookings of one slot at the core at a time (issue 14). Read together (db/by-id.ts), a burst of 500 citizens
   * reaches the booking call in the same moment, before the core has said the slot is full, and all 500 would queue at
   * the core; through this gate the first few book, the next few hear SLOT_FULL, and the rest are answered from the
   * memory above at once. A turn not given within `slotQueueWaitMs` (the core hangs) is refused as the core being
   * away, saying nothing was booked.
   */
  const gateWidth = d.slotGateWidth ?? 8;
  const queueWaitMs = d.slotQueueWaitMs ?? 3000;
  const gates = new Map<string, { inside: number; queue: (() => void)[] }>();
  async function enterGate(slotId: string): Promise<() => void> {
    let g = gates.get(slotId);
    if (!g) gates.set(slotId, (g = { inside: 0, queue: [] }));
    const gate = g;
    const leave = () => {
      const next = gate.queue.shift();
      if (next) return next();
      gate.inside -= 1;
      if (gate.inside === 0) gates.delete(slotId);
    };
    if (gate.inside < gateWidth) {
      gate.inside += 1;
      return leave;
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        gate.queue.splice(gate.queue.indexOf(turn), 1);
        // nothing was sent to the core: the citizen may simply try again
        reject(new AppError('UPSTREAM_UNAVAILABLE', { message: '同一时段预约的人很多，这次没有排上，未预约成功。', hint: '请稍后再试，或换一个时段。' }));
      }, queueWaitMs);
      gate.queue.push(turn);
    });
    return leave;
  }

  return {
    async create(auth: AuthContext, input: { itemId: string; slotId: string }, idempotencyKey?: string): Promise<Appointment> {
      const personId = await personOf(auth);
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'createAppointment',
        key: idempotencyKey,
        request: input,
        run: async () => {
          const requestId = idempotencyKey ? `${auth.userId}:${idempotencyKey}` : undefined;
          const answerFull = () => {
            const known = knownFull(input.slotId);
            if (known) throw new AppError('SLOT_FULL', { message: known.message, hint: known.hint, details: known.details });
          };
          answerFull();
          const leave = await enterGate(input.slotId);
          let booking: Booking;
          try {
            answerFull(); // the core may have called it full while this one waited
            booking = await d.core.createBooking({ personId, itemId: input.itemId, slotId: input.slotId, requestId }).catch((err: unknown) => {
              noteFull(input.slotId, err);
              throw err;
            });
          } finally {
            leave();
          }
          d.catalog.seatsChanged(booking.hallId);
          await d.reminders.schedule(auth.userId, booking);
          return view(booking);
        },
      });
    },

    async list(auth: AuthContext): Promise<{ appointments: Appointment[] }> {
      const personId = await personOf(auth);
      const { bookings } = await d.core.bookings(personId);
      return { appointments: bookings.map(view) };
    },

    async get(auth: AuthContext, id: string): Promise<Appointment> {
      return view(await d.core.booking(id, await personOf(auth)));
    },

    async cancel(auth: AuthContext, id: string): Promise<Appointment> {
      const booking = await d.core.cancel(id, await personOf(auth));
      d.catalog.seatsChanged(booking.hallId);
      seatFreed(booking.slotId);
      await d.reminders.cancelFor(booking.id);
      return view(booking);
    },

    async reschedule(auth: AuthContext, id: string, slotId: string): Promise<Appointment> {
      const personId = await personOf(auth);
      const before = await d.core.booking(id, personId);
      const moved = await d.core.reschedule(id, personId, slotId);
      d.catalog.seatsChanged(before.hallId);
      d.catalog.seatsChanged(moved.hallId);
      seatFreed(before.slotId);
      await d.reminders.cancelFor(moved.id);
      await d.reminders.schedule(auth.userId, moved);
      return view(moved);
    },

    async ticket(auth: AuthContext, id: string): Promise<AppointmentTicket> {
      const t = await d.core.ticket(id, await personOf(auth));
      const qrPng = await QRCode.toDataURL(t.ticket, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
      return { appointmentId: t.bookingId, ticket: t.ticket, qrPng, validFrom: t.validFrom, validUntil: t.validUntil };
    },

    async standing(auth: AuthContext): Promise<BookingStanding> {
      const s = await d.core.standing(await personOf(auth));
      return {
        ...s,
        rule: `预约后未到且未取消，记为未到；${bookingWords(rules).noShow}（可到大厅现场取号）。`,
      };
    },
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
