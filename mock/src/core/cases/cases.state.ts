import type { CaseStatus, Channel, CorrectionFileType, CorrectionMaterialSpec, MailingAddress, RatingLevel, TimelineEntry } from '@jsb/shared';

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

/** 补正: what the window asked for, and what the applicant handed in (issue 12) */
export interface CorrectionRecord {
  id: string;
  reason: string;
  requestedAt: string;
  /** the last day to hand the materials in (CORRECTION_RULES.workingDays after the notice) */
  deadline: string;
  workingDays: number;
  materials: (CorrectionMaterialSpec & { id: string; fileIds: string[]; rejection?: { reason: string; whatToDo: string } })[];
  state: 'requested' | 'submitted' | 'rejected' | 'accepted';
  /** every submission, by the channel's request id: a repeat is the same submission */
  submissions: { requestId: string; at: string; files: number }[];
  submittedAt?: string;
  decidedAt?: string;
  how?: 'online' | 'counter';
  rejection?: { at: string; reason: string; whatToDo: string };
}

export interface CorrectionFileRecord {
  fileId: string;
  caseNo: string;
  materialId: string;
  contentType: CorrectionFileType;
  data: Buffer;
  pages: number;
  receivedAt: string;
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
  /** every 补正 of the case, the latest last */
  corrections: CorrectionRecord[];
}

export interface CasesState {
  cases: Map<string, CaseRecord>;
  seq: number;
  ratingSeq: number;
  /** seeded lazily on first use, relative to the mock clock's today (reset seeds again) */
  seeded: boolean;
  /** relays under way, by request id: a repeat while the first is in flight waits for the same answer */
  inflight: Map<string, Promise<RatingRecord>>;
  /** files handed in online for a 补正, by file id (the channel's id: a retried upload is the same file) */
  correctionFiles: Map<string, CorrectionFileRecord>;
}

export const createCasesState = (): CasesState => ({ cases: new Map(), seq: 0, ratingSeq: 0, seeded: false, inflight: new Map(), correctionFiles: new Map() });
