import type { CaseStatus, Channel, MailingAddress, RatingLevel, TimelineEntry } from '@jsb/shared';

export interface RatingRecord {
  ratingId: string;
  requestId: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  channel: Channel;
  ratedAt: string;
  receiptId: string;
  /** 差评 only: the call-back and correction the hall owes */
  loop?: { callbackDue: string; correctionDue: string; calledBackAt?: string; callbackNote?: string; correctedAt?: string; feedback?: string };
  followUp?: { requestId: string; level: RatingLevel; tags: string[]; comment: string; ratedAt: string; receiptId: string };
}

export interface MailingRecord {
  state: 'requested' | 'mailed' | 'delivered';
  requestId?: string;
  requestedAt: string;
  address: MailingAddress;
  emsNo?: string;
  events: { at: string; status: 'accepted' | 'in-transit' | 'out-for-delivery' | 'delivered'; text: string; place?: string }[];
}

export interface CaseRecord {
  caseNo: string;
  /** 6 digits printed on the 受理单; the only key to the masked lookup */
  queryCode: string;
  personId: string;
  itemId: string;
  itemName: string;
  department: string;
  hallId: string;
  hallName: string;
  windowNo: string;
  channel: Channel;
  bookingId?: string;
  status: CaseStatus;
  decision?: '准予' | '不予';
  statutoryDays: number;
  promisedDays: number;
  receivedAt: string;
  acceptedAt?: string;
  closedAt?: string;
  pauses: { kind: '补正' | '特别程序'; reason: string; from: string; to?: string }[];
  timeline: TimelineEntry[];
  mailing?: MailingRecord;
  rating?: RatingRecord;
  /** a rating (or follow-up) whose relay to the province is under way: its request id */
  ratingInFlight?: string;
}

export interface CasesState {
  cases: Map<string, CaseRecord>;
  seq: number;
  ratingSeq: number;
  /** seeded lazily on first use, relative to the mock clock's today (reset seeds again) */
  seeded: boolean;
  /** relays under way, by request id: a repeat while the first is in flight waits for the same answer */
  inflight: Map<string, Promise<RatingRecord>>;
}

export const createCasesState = (): CasesState => ({ cases: new Map(), seq: 0, ratingSeq: 0, seeded: false, inflight: new Map() });
