import { minutesText, slotInstants, fullDateText, wxThing, type Booking } from '@jsb/shared';
import type { WechatClient } from '../../clients/wechat.client';
import type { CitizenModel } from '../auth/citizen.model';
import type { ReminderModel } from './reminder.model';
import type { Claims } from '../../db/claims';
import { isDuplicateKey } from '../../db/duplicate';
import { findByIds, setByIds } from '../../db/by-id';
import type { Lists } from '../../db/lists';
import type { Consents } from '../messages/consents';

export interface RemindersDeps {
  reminders: ReminderModel;
  /** each booking's slots that had reminders (`reminders|<bookingId>`), so a cancellation finds them by _id (issue 14) */
  lists: Lists;
  citizens: CitizenModel;
  wechat: WechatClient;
  templateId: string;
  /** who is claiming (instance id), for the record */
  owner: string;
  claims: Claims;
  /** the citizen's one-time consents: each reminder spends one (issue 12) */
  consents: Consents;
  clock: () => Date;
}

/** a booking's reminders are found through the slots it had (db/lists.ts): `<bookingId>:<slotId>` */
export const remindersListOf = (bookingId: string) => `reminders|${bookingId}`;
const reminderId = (slotOfBooking: string, kind: keyof typeof LEADS) => `${slotOfBooking}:${kind}`;
/** how many of a booking's slots are looked at when it is cancelled or moved: far more than it is ever moved */
const SLOTS_LOOKED_AT = 50;

const LEADS = { 'day-before': 24 * 3600_000, 'hour-before': 3600_000 } as const;
/** a claim older than this is taken to be from a crashed instance and may be retried */
const STALE_CLAIM_MS = 5 * 60_000;

export function createReminders(d: RemindersDeps) {
  return {
    /** Plans both reminders for a booking; those already due are skipped. Safe to call twice. */
    async schedule(userId: string, b: Booking): Promise<void> {
      const now = d.clock();
      const { start } = slotInstants(b);
      const planned = (Object.entries(LEADS) as [keyof typeof LEADS, number][]).filter(([, lead]) => start.getTime() - lead > now.getTime());
      // listed before they are written: a cancellation always finds them
      if (planned.length) await d.lists.add(remindersListOf(b.id), `${b.id}:${b.slotId}`);
      for (const [kind, lead] of planned) {
        const dueAt = new Date(start.getTime() - lead);
        const payload = {
          page: `pages/appointments/detail/index?id=${b.id}`,
          data: {
            thing1: { value: wxThing(b.itemName) },
            // WeChat's time format ("2026年2月10日 10:00"): a weekday in brackets makes it refuse the message (47003)
            time2: { value: `${fullDateText(b.date)} ${b.start}` },
            thing3: { value: wxThing(b.hallName) },
            thing4: { value: kind === 'day-before' ? '明天办事，请备齐材料' : `${minutesText(LEADS['hour-before'] / 60_000)}后办事，请提前到达` },
          },
        };
        const id = reminderId(`${b.id}:${b.slotId}`, kind);
        const inserted = await d.reminders
          .updateOne(
            { _id: id },
            {
              $setOnInsert: {
                bookingId: b.id,
                userId,
                kind,
                dueAt,
                state: 'pending',
                attempts: 0,
                payload,
                expiresAt: new Date(start.getTime() + 30 * 24 * 3600_000),
              },
            },
            { upsert: true },
          )
          .then((r) => r.upsertedCount === 1)
          .catch((err: unknown) => {
            if (!isDuplicateKey(err)) throw err; // planned at the same moment elsewhere: one is enough
            return true;
          });
        // there already: moved back to a slot it had before, so wake that slot's cancelled reminder up again
        if (!inserted && (await d.reminders.findById(id, { state: 1 }).lean())?.state === 'cancelled')
          await d.reminders.updateOne({ _id: id }, { $set: { state: 'pending', dueAt, payload } });
      }
    },

    async cancelFor(bookingId: string): Promise<void> {
      const slots = await d.lists.newest(remindersListOf(bookingId), SLOTS_LOOKED_AT);
      const ids = slots.flatMap((s) => (Object.keys(LEADS) as (keyof typeof LEADS)[]).map((kind) => reminderId(s.ref, kind)));
      const docs = await findByIds<{ _id: string; bookingId: string; state: string }>(d.reminders, ids, { bookingId: 1, state: 1 });
      await setByIds(
        d.reminders,
        docs.filter((r) => r.bookingId === bookingId && r.state === 'pending').map((r) => r._id),
        { state: 'cancelled' },
      );
    },

    /**
     * Sends every due reminder once. Each attempt is claimed (a unique insert) before it is sent, so two
     * instances running this at the same time never send the same reminder twice. Each reminder spends one of the
     * citizen's one-time consents for the template (one 允许 on the sheet pays for one reminder); none left is
     * "cannot notify" (`refused`), as WeChat's 43101 is, and WeChat is not asked.
     */
    async sendDue(): Promise<{ sent: number; refused: number; failed: number }> {
      const out = { sent: 0, refused: 0, failed: 0 };
      const now = d.clock();
      const due = await d.reminders
        .find({
          dueAt: { $lte: now },
          $or: [{ state: 'pending' }, { state: 'sending', claimedAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
        })
        .sort({ dueAt: 1 })
        .limit(200)
        .lean();
      for (const r of due) {
        // the claim makes "send this reminder, this attempt" happen on one instance only
        if (!(await d.claims.take(`reminder:${r._id}:${r.attempts}`, d.owner, now, 7 * 24 * 3600_000))) continue;
        await d.reminders.updateOne({ _id: r._id }, { $set: { state: 'sending', claimedBy: d.owner, claimedAt: now, attempts: r.attempts + 1 } });
        const citizen = await d.citizens.findById(r.userId, { openid: 1 }).lean();
        try {
          const payload = r.payload as { page: string; data: Record<string, { value: string }> };
          // a retry after WeChat was unreachable keeps the consent the first attempt spent
          const consent = r.consent ?? (citizen ? await d.consents.spend(r.userId, d.templateId, r._id) : null);
          if (consent !== null && r.consent == null) await d.reminders.updateOne({ _id: r._id }, { $set: { consent } });
          const result =
            citizen && consent !== null ? await d.wechat.sendSubscribeMessage({ touser: citizen.openid, templateId: d.templateId, ...payload }) : 'refused';
          // 43101: the citizen did not subscribe — "cannot notify", not an error
          await d.reminders.updateOne({ _id: r._id }, { $set: { state: result, sentAt: d.clock() } });
          out[result] += 1;
        } catch {
          // WeChat unreachable: try again later with a growing pause, give up after 5 attempts
          const state = r.attempts + 1 >= 5 ? 'failed' : 'pending';
          await d.reminders.updateOne({ _id: r._id }, { $set: { state, dueAt: new Date(now.getTime() + 60_000 * (r.attempts + 1)) } });
          out.failed += 1;
        }
      }
      return out;
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
