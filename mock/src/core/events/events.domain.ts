import { randomBytes } from 'node:crypto';
import type { CoreEvent, CoreEventData, CoreEventType } from '@jsb/shared';
import { HELD, NO_EVENT_FAULTS, type EventFaults, type EventsState, type StoredEvent } from './events.state';

/*
 * The feed's two operations. `emit` runs inside the synchronous check-then-write of each business change (no await in
 * between), so the feed's order is the order the changes happened in, per case and overall.
 */

export interface EventInput<K extends CoreEventType> {
  type: K;
  /** 'case:JN…', 'complaint:ZC…', 'rating:R…', 'payable:FEE…' */
  stream: string;
  personId: string;
  data: CoreEventData[K];
}

export function emit<K extends CoreEventType>(state: EventsState, now: Date, input: EventInput<K>, realNow = Date.now(), random = Math.random): CoreEvent {
  const seq = state.log.length + 1;
  const streamSeq = (state.streams.get(input.stream) ?? 0) + 1;
  state.streams.set(input.stream, streamSeq);
  const held = state.faults.holdNext > 0;
  if (held) state.faults.holdNext -= 1;
  const delay = held ? HELD : state.faults.delayMs > 0 ? Math.floor(random() * state.faults.delayMs) : 0;
  if (delay > 0) state.stats.delayed += 1;
  const event: StoredEvent = {
    id: `EV${randomBytes(10).toString('hex')}`,
    seq,
    type: input.type,
    stream: input.stream,
    streamSeq,
    personId: input.personId,
    occurredAt: now.toISOString(),
    data: { ...input.data } as Record<string, unknown>,
    visibleAtMs: held ? HELD : realNow + delay,
  };
  state.log.push(event);
  return strip(event);
}

const strip = ({ visibleAtMs: _v, ...e }: StoredEvent): CoreEvent => e;

/**
 * Events after `after`, at most `limit`, as the feed shows them now: what the faults hold back is not there yet, what
 * they duplicate is there twice, and with `reorder` the page is shuffled. `head` is the newest position.
 */
export function readPage(state: EventsState, after: number, limit: number, realNow = Date.now(), random = Math.random): { events: CoreEvent[]; head: number } {
  const f = state.faults;
  const page: CoreEvent[] = [];
  for (let i = Math.max(0, after); i < state.log.length && page.length < limit; i++) {
    const e = state.log[i]!;
    if (e.visibleAtMs > realNow) continue;
    if (f.dropRate > 0 && random() < f.dropRate) {
      state.stats.dropped += 1;
      continue;
    }
    page.push(strip(e));
    if (f.duplicateRate > 0 && random() < f.duplicateRate) {
      state.stats.duplicated += 1;
      page.push(strip(e));
    }
  }
  if (f.reorder && page.length > 1) {
    state.stats.reordered += 1;
    for (let i = page.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [page[i], page[j]] = [page[j]!, page[i]!];
    }
  }
  state.stats.pages += 1;
  state.stats.served += page.length;
  return { events: page, head: state.log.length };
}

/** Faults off: what was held back or delayed shows from now on. */
export function clearEventFaults(state: EventsState, realNow = Date.now()): void {
  state.faults = { ...NO_EVENT_FAULTS };
  for (const e of state.log) if (e.visibleAtMs > realNow) e.visibleAtMs = realNow;
}

export type FaultPatch = { ok: true; value: Partial<EventFaults> } | { ok: false; message: string };

const rate = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

/** Validates POST /__mock/events/faults; unknown keys are refused so a typo does not silently test nothing. */
export function parseEventFaults(input: Record<string, unknown>): FaultPatch {
  const known = ['dropRate', 'duplicateRate', 'delayMs', 'reorder', 'holdNext', 'tamper', 'tamperPages'];
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length) return { ok: false, message: `unknown event fault(s): ${unknown.join(', ')}` };
  const { dropRate, duplicateRate, delayMs, reorder, holdNext, tamper, tamperPages } = input;
  const out: Partial<EventFaults> = {};
  if (dropRate !== undefined) {
    if (!rate(dropRate)) return { ok: false, message: 'dropRate must be a number 0..1' };
    out.dropRate = dropRate as number;
  }
  if (duplicateRate !== undefined) {
    if (!rate(duplicateRate)) return { ok: false, message: 'duplicateRate must be a number 0..1' };
    out.duplicateRate = duplicateRate as number;
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > 600_000)
      return { ok: false, message: 'delayMs must be an integer 0..600000' };
    out.delayMs = delayMs;
  }
  if (reorder !== undefined) {
    if (typeof reorder !== 'boolean') return { ok: false, message: 'reorder must be a boolean' };
    out.reorder = reorder;
  }
  if (holdNext !== undefined) {
    if (typeof holdNext !== 'number' || !Number.isInteger(holdNext) || holdNext < 0) return { ok: false, message: 'holdNext must be an integer >= 0' };
    out.holdNext = holdNext;
  }
  if (tamper !== undefined) {
    if (tamper !== null && tamper !== 'forge' && tamper !== 'replay' && tamper !== 'stale')
      return { ok: false, message: "tamper must be 'forge', 'replay', 'stale' or null" };
    out.tamper = tamper ?? undefined;
    out.tamperPages = tamper === null ? 0 : 1;
  }
  if (tamperPages !== undefined) {
    if (typeof tamperPages !== 'number' || !Number.isInteger(tamperPages) || tamperPages < 0)
      return { ok: false, message: 'tamperPages must be an integer >= 0' };
    out.tamperPages = tamperPages;
  }
  return { ok: true, value: out };
}
