import type { ComplaintCategory, ComplaintRating, ComplaintTarget, CoreComplaintStatus, PhotoType } from '@jsb/shared';

export interface StoredReply {
  at: Date;
  text: string;
  by: string;
  rating?: ComplaintRating;
  ratingComment?: string;
  ratedAt?: Date;
}

export interface StoredEvent {
  at: Date;
  status: CoreComplaintStatus;
  label: string;
  note?: string;
}

/** One complaint as the core's 找茬 system keeps it. */
export interface ComplaintRecord {
  id: string;
  trackingNo: string;
  personId: string;
  requestId?: string;
  clientRef?: string;
  category: ComplaintCategory;
  target: ComplaintTarget;
  description: string;
  anonymous: boolean;
  photoIds: string[];
  status: CoreComplaintStatus;
  createdAt: Date;
  /** the SLA clock: acknowledge and reply due dates count from here (creation, then the reopen) */
  slaStart: Date;
  acknowledgedAt?: Date;
  replies: StoredReply[];
  events: StoredEvent[];
  reopenedAt?: Date;
  reopenReason?: string;
  closedAt?: Date;
}

export interface StoredPhoto {
  id: string;
  contentType: PhotoType;
  data: Buffer;
  receivedAt: Date;
}

export interface ComplaintsState {
  byId: Map<string, ComplaintRecord>;
  /** `${personId}|${requestId}` → complaint id: a repeated request is the same complaint */
  requests: Map<string, string>;
  photos: Map<string, StoredPhoto>;
  /** per Shanghai date: the last sequence number of the tracking numbers of that day */
  seqByDate: Map<string, number>;
}

export function createComplaintsState(): ComplaintsState {
  return { byId: new Map(), requests: new Map(), photos: new Map(), seqByDate: new Map() };
}
