import { createHash, createHmac } from 'node:crypto';

/**
 * The core signs every page of its event feed, so a reader can tell the core's answer from anybody else's (a
 * man-in-the-middle, a misrouted proxy, a cached copy):
 *   X-Jsb-Timestamp: unix seconds
 *   X-Jsb-Signature = base64(HMAC-SHA256(secret, "EVENTS-PAGE\n" + challenge + "\n" + timestamp + "\n" + sha256hex(body)))
 * `challenge` is the random value the reader put in its own (signed) request: an old page, even a genuine one, answers
 * an old challenge and is refused. The bff writes its own verifier from this contract (bff/src/clients/core-events.client.ts).
 */
export function signEventsPage(secret: string, challenge: string, timestamp: string, body: string): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return createHmac('sha256', secret).update(`EVENTS-PAGE\n${challenge}\n${timestamp}\n${bodyHash}`, 'utf8').digest('base64');
}
