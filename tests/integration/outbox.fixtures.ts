export { claimModel, createClaims, createLists, createOutbox, listEntryModel, outboxModel, type Outbox } from '@jsb/bff';
import { createHttpClient } from '../../bff/src/clients/http';

export function createHttpClientForTests(baseUrl: string) {
  return createHttpClient({ name: 'test-core', baseUrl, timeoutMs: 1000, retries: 0, breaker: { failureThreshold: 1000, cooldownMs: 1 } });
}
