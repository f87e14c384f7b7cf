import { randomBytes } from 'node:crypto';
import type { CoreEvent } from '@jsb/shared';

/**
 * The core's change feed (issue 12): every change a citizen should hear about is appended here, in the order it
 * happened, and read by channels (our bff among them) with a cursor: GET /core/v1/events?after=<seq>.
 */
export interface StoredEvent extends CoreEvent {
  /** real time (ms) from which the event shows in the feed: the "delay" fault holds some back, so later ones overtake */
  visibleAtMs: number;
}

/**
 * What can go wrong between the core and a reader, switched on under /__mock/events/faults. The feed itself never
 * loses an event: a dropped or delayed one shows again on a later read, as a real feed's lagging replica would.
 */
export interface EventFaults {
  /** probability 0..1 that an event is left out of one page (it is there on a later read) */
  dropRate: number;
  /** probability 0..1 that an event is served twice in one page */
  duplicateRate: number;
  /** each new event becomes visible after a random 0..delayMs of real time: later events can overtake it */
  delayMs: number;
  /** shuffle the events inside each page */
  reorder: boolean;
  /** the next `holdNext` events emitted stay out of the feed until the faults are cleared (a hole a test controls) */
  holdNext: number;
  /**
   * The next `tamperPages` pages are not the core's: 'forge' (a made-up event, signed with the wrong key), 'replay' (an
   * earlier page with its own signature, answering an old challenge), 'stale' (signed 10 minutes ago).
   */
  tamper?: 'forge' | 'replay' | 'stale';
  tamperPages: number;
}

export interface EventsStats {
  pages: number;
  served: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  tampered: number;
}

export interface EventsState {
  /** a new feed after a reset: positions start again, and a reader must know */
  epoch: string;
  /** log[seq - 1] */
  log: StoredEvent[];
  /** the last position of each stream (one per case, complaint, rating, payable) */
  streams: Map<string, number>;
  faults: EventFaults;
  /** the last genuine page, for the 'replay' fault */
  lastPage?: { body: string; timestamp: string; signature: string };
  stats: EventsStats;
}

export const NO_EVENT_FAULTS: EventFaults = { dropRate: 0, duplicateRate: 0, delayMs: 0, reorder: false, holdNext: 0, tamperPages: 0 };

/** Until the faults are cleared. */
export const HELD = Number.MAX_SAFE_INTEGER;

export function createEventsState(): EventsState {
  return {
    epoch: `E${randomBytes(6).toString('hex')}`,
    log: [],
    streams: new Map(),
    faults: { ...NO_EVENT_FAULTS },
    stats: { pages: 0, served: 0, dropped: 0, duplicated: 0, delayed: 0, reordered: 0, tampered: 0 },
  };
}
