/** Driving the bff's event feed and subscription messages by hand (the stack runs no timers), for integration tests. */
import type { BffInstance } from './stack';

/** Reads the core's feed until the bff has applied everything it shows (at most `rounds` rounds). */
export async function syncEvents(bff: BffInstance, rounds = 20): Promise<{ through: number; head: number }> {
  let last = { through: 0, head: 0 };
  for (let i = 0; i < rounds; i++) {
    const r = await bff.messages.feed.pull();
    last = { through: r.through, head: r.head };
    if (!r.refused && !r.unavailable && r.through >= r.head) return last;
  }
  return last;
}

export const sendPushes = (bff: BffInstance) => bff.messages.sendPushes();
