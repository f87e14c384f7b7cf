import { z } from 'zod';
import { DECISIONS } from '../cases/cases.schema';
import { correctionMaterialSpecSchema } from '../cases/correction.schema';

/**
 * What the core systems announce when something changes for a citizen (issue 12). The bff reads them from the core's
 * event feed (GET /core/v1/events, see mock/src/core/events/) in `seq` order; each event has an `id` that never repeats
 * and a place in its stream (one stream per case, complaint, rating or payable), so order per case is explicit.
 */
export const CORE_EVENT_TYPES = [
  'case.received',
  'case.accepted',
  'case.review-started',
  'case.correction-requested',
  'case.correction-received',
  'case.correction-rejected',
  'case.correction-accepted',
  'case.paused',
  'case.resumed',
  'case.decided',
  'case.issued',
  'case.mailed',
  'case.delivered',
  'complaint.acknowledged',
  'complaint.replied',
  'rating.called-back',
  'rating.corrected',
  'payment.refunded',
  'payment.closed',
] as const;
export type CoreEventType = (typeof CORE_EVENT_TYPES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const caseRef = { caseNo: z.string(), itemName: z.string() };

/** The payload of each event type: what a message needs to say what happened and what to do next. */
export const CORE_EVENT_DATA = {
  'case.received': z.object({ ...caseRef, hallName: z.string() }),
  'case.accepted': z.object({ ...caseRef, promisedDays: z.number().int(), statutoryDays: z.number().int(), promisedDueDate: isoDate }),
  'case.review-started': z.object({ ...caseRef, step: z.string(), department: z.string() }),
  'case.correction-requested': z.object({
    ...caseRef,
    correctionId: z.string(),
    reason: z.string(),
    materials: z.array(correctionMaterialSpecSchema.extend({ id: z.string() })),
    deadline: isoDate,
    workingDays: z.number().int(),
    hallName: z.string(),
    windowNo: z.string(),
  }),
  'case.correction-received': z.object({ ...caseRef, correctionId: z.string(), files: z.number().int() }),
  'case.correction-rejected': z.object({
    ...caseRef,
    correctionId: z.string(),
    reason: z.string(),
    whatToDo: z.string(),
    deadline: isoDate,
    materials: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string(), whatToDo: z.string() })),
  }),
  'case.correction-accepted': z.object({
    ...caseRef,
    correctionId: z.string(),
    how: z.enum(['online', 'counter']),
    remainingDays: z.number().int(),
    promisedDueDate: isoDate,
  }),
  'case.paused': z.object({ ...caseRef, kind: z.literal('特别程序'), reason: z.string() }),
  'case.resumed': z.object({ ...caseRef, remainingDays: z.number().int(), promisedDueDate: isoDate }),
  'case.decided': z.object({ ...caseRef, decision: z.enum(DECISIONS), note: z.string().optional() }),
  'case.issued': z.object({ ...caseRef, decision: z.enum(DECISIONS), mailing: z.boolean(), ratingDeadline: isoDate }),
  'case.mailed': z.object({ ...caseRef, emsNo: z.string() }),
  'case.delivered': z.object({ ...caseRef, emsNo: z.string() }),
  'complaint.acknowledged': z.object({ trackingNo: z.string(), category: z.string(), replyBy: isoDate }),
  'complaint.replied': z.object({ trackingNo: z.string(), category: z.string(), reply: z.string(), reopenUntil: z.string() }),
  'rating.called-back': z.object({ ratingId: z.string(), ...caseRef, note: z.string(), correctionDue: isoDate }),
  'rating.corrected': z.object({ ratingId: z.string(), ...caseRef, feedback: z.string() }),
  'payment.refunded': z.object({
    payableId: z.string(),
    title: z.string(),
    amountFen: z.number().int(),
    outTradeNo: z.string().optional(),
    refundedAt: z.string(),
  }),
  'payment.closed': z.object({ payableId: z.string(), title: z.string(), amountFen: z.number().int(), reason: z.string() }),
} satisfies Record<CoreEventType, z.ZodType>;
export type CoreEventData = { [K in CoreEventType]: z.infer<(typeof CORE_EVENT_DATA)[K]> };

/**
 * The envelope. `type` stays a plain string here: a type the bff does not know yet (a newer core) is recorded and
 * skipped, never allowed to stop the feed; `parseCoreEvent` checks the payload of the types it knows.
 */
export const coreEventSchema = z.object({
  id: z.string().regex(/^EV[0-9A-Za-z]{8,40}$/),
  seq: z.number().int().positive(),
  type: z.string().min(1).max(60),
  /** 'case:JN…', 'complaint:ZC…', 'rating:R…', 'payable:FEE…' */
  stream: z.string().min(1).max(80),
  streamSeq: z.number().int().positive(),
  /** whose it is: the citizen the core knows (a bff citizen carries it after 实名认证) */
  personId: z.string(),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CoreEvent = z.infer<typeof coreEventSchema>;
export type KnownCoreEvent = { [K in CoreEventType]: Omit<CoreEvent, 'type' | 'data'> & { type: K; data: CoreEventData[K] } }[CoreEventType];

/** A page of the feed: events after a position, the feed's newest position, and the challenge the bff sent. */
export const coreEventsPageSchema = z.object({
  /** changes only if the core rebuilt its feed (positions start again): the bff then starts from the beginning */
  epoch: z.string().min(1).max(64),
  events: z.array(coreEventSchema),
  /** the newest position of the feed when the page was read */
  head: z.number().int().min(0),
  challenge: z.string(),
});
export type CoreEventsPage = z.infer<typeof coreEventsPageSchema>;

const isKnown = (type: string): type is CoreEventType => (CORE_EVENT_TYPES as readonly string[]).includes(type);

/** The event with its payload checked, or null for a type this version does not know (or a payload that lies). */
export function parseCoreEvent(e: CoreEvent): KnownCoreEvent | null {
  if (!isKnown(e.type)) return null;
  const data = CORE_EVENT_DATA[e.type].safeParse(e.data);
  return data.success ? ({ ...e, type: e.type, data: data.data } as KnownCoreEvent) : null;
}
