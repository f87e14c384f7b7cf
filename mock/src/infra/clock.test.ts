import { createMockClock } from './clock';

describe('createMockClock', () => {
  let real = 1_000_000;
  const realNow = () => real;
  beforeEach(() => {
    real = 1_000_000;
  });

  it('runs forward with real time from the instant it was set', () => {
    const clock = createMockClock(new Date('2026-02-14T01:30:00Z'), { realNow });
    real += 1500;
    expect(clock.now().toISOString()).toBe('2026-02-14T01:30:01.500Z');
    clock.set(new Date('2026-12-31T15:59:59Z'));
    real += 2000;
    expect(clock.now().toISOString()).toBe('2026-12-31T16:00:01.000Z');
  });

  it('stands still while frozen and resumes from where it stopped', () => {
    const clock = createMockClock(new Date('2026-02-14T00:00:00Z'), { realNow });
    real += 1000;
    clock.freeze();
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-02-14T00:00:01.000Z');
    expect(clock.isFrozen()).toBe(true);
    clock.unfreeze();
    real += 500;
    expect(clock.now().toISOString()).toBe('2026-02-14T00:00:01.500Z');
  });

  it('advances by days whether frozen or running', () => {
    const clock = createMockClock(new Date('2026-02-14T00:00:00Z'), { realNow, frozen: true });
    clock.advance(3 * 24 * 3600_000);
    expect(clock.now().toISOString()).toBe('2026-02-17T00:00:00.000Z');
    clock.unfreeze();
    clock.advance(-1000);
    expect(clock.now().toISOString()).toBe('2026-02-16T23:59:59.000Z');
  });

  it('starts at real time when given no start', () => {
    const clock = createMockClock(undefined, { realNow });
    expect(clock.now().getTime()).toBe(1_000_000);
  });

  it('refuses an invalid date', () => {
    expect(() => createMockClock().set(new Date('nope'))).toThrow(RangeError);
  });
});
