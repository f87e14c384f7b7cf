import { z } from 'zod';
import { coreCaseSchema, coreRatingSchema, coreRatingStateSchema, hallStatsSchema, maskedCaseSchema, type MailingAddress, type RatingLevel } from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

/**
 * The core's case (办件), mailing and 好差评 APIs, parsed with the shared schemas. A refusal is answered as `refusal`
 * says (features/cases/refusals.ts); a payload that no longer matches stops here as a protocol error.
 */
export function createCoreCasesClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  type Rate = { personId: string; requestId: string; level: RatingLevel; tags: string[]; comment: string; ratedAt: string };
  // a rating is relayed to the province inside the core: its 503 says the province is down, not the core
  const relay = { method: 'POST', idempotent: true, serverErrorsTripBreaker: false } as const;

  return {
    cases: (personId: string) => parsed(z.object({ cases: z.array(coreCaseSchema) }), '/core/v1/cases', { query: { personId } }),
    case: (caseNo: string, personId: string) => parsed(coreCaseSchema, `/core/v1/cases/${enc(caseNo)}`, { query: { personId } }),
    lookup: (caseNo: string, code: string) => parsed(maskedCaseSchema.omit({ statusLabel: true }), '/core/v1/cases/lookup', { query: { caseNo, code } }),
    requestMailing: (caseNo: string, b: { personId: string; address: MailingAddress; requestId?: string }) =>
      parsed(coreCaseSchema, `/core/v1/cases/${enc(caseNo)}/mailing`, { method: 'POST', body: b, idempotent: b.requestId !== undefined }),
    ratingState: (caseNo: string, personId: string) => parsed(coreRatingStateSchema, `/core/v1/cases/${enc(caseNo)}/rating`, { query: { personId } }),
    rate: (caseNo: string, b: Rate) => parsed(coreRatingSchema, `/core/v1/cases/${enc(caseNo)}/rating`, { ...relay, body: b }),
    followUp: (caseNo: string, b: Rate) => parsed(coreRatingSchema, `/core/v1/cases/${enc(caseNo)}/rating/follow-up`, { ...relay, body: b }),
    stats: (hallId: string) => parsed(hallStatsSchema, '/core/v1/ratings/stats', { query: { hallId } }),
  };
}

export type CoreCasesClient = ReturnType<typeof createCoreCasesClient>;
