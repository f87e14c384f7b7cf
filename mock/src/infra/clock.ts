/**
 * A clock the tests and the admin path can move. Mocks read business time (code expiry, token
 * lifetime, message timestamps) from it; transport security checks (signature timestamps, nonce
 * windows, outage deadlines) stay on real time because the caller signs with its own real clock.
 */
export interface MockClock {
  now(): Date;
  /** Jump to `date`; a running clock keeps running from there. */
  set(date: Date): void;
  advance(ms: number): void;
  /** Stop at the current instant until `unfreeze()`. */
  freeze(): void;
  /** Run forward with real time again, from the instant it was frozen at. */
  unfreeze(): void;
  isFrozen(): boolean;
}

export interface MockClockOptions {
  frozen?: boolean;
  /** Source of real time, injectable for the clock's own tests. */
  realNow?: () => number;
}

export function createMockClock(start?: Date, options: MockClockOptions = {}): MockClock {
  const realNow = options.realNow ?? Date.now;
  let setPoint = start ? start.getTime() : realNow();
  let setAt = realNow();
  let frozen = options.frozen ?? false;

  const nowMs = (): number => (frozen ? setPoint : setPoint + (realNow() - setAt));

  return {
    now: () => new Date(nowMs()),
    set(date) {
      if (Number.isNaN(date.getTime())) throw new RangeError('clock.set: invalid date');
      setPoint = date.getTime();
      setAt = realNow();
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('clock.advance: ms must be finite');
      setPoint += ms;
    },
    freeze() {
      if (frozen) return;
      setPoint = nowMs();
      frozen = true;
    },
    unfreeze() {
      if (!frozen) return;
      setAt = realNow();
      frozen = false;
    },
    isFrozen: () => frozen,
  };
}
