/** Helpers for the booking tests (not shipped in the mock's exports). */
import { postJson } from '../../infra/http-test';
import type { CoreHarness } from '../testing';

/** A well-formed personId; the core trusts the bff's identity check and does not look it up. */
export const pid = (n: number): string => `P${n.toString(16).toUpperCase().padStart(12, '0')}`;

export function book(core: CoreHarness, personId: string, itemId: string, slotId: string, requestId?: string) {
  return core.call('POST', '/core/v1/bookings', { personId, itemId, slotId, ...(requestId ? { requestId } : {}) });
}

export function setCapacity(core: CoreHarness, slotId: string, capacity: number) {
  return postJson(`${core.url}/__mock/slots/capacity`, { slotId, capacity });
}

export async function remaining(core: CoreHarness, slotId: string): Promise<number | undefined> {
  const [hallId, zoneId, date] = slotId.split('.');
  const res = await core.call('GET', `/core/v1/slots?hallId=${hallId}&zoneId=${zoneId}&from=${date}&to=${date}`);
  return res.body.days[0].slots.find((s: { id: string }) => s.id === slotId)?.remaining;
}
