import { z } from 'zod';
import { coreComplaintSchema, PHOTO_TYPES, type ComplaintCategory, type ComplaintRating, type CoreComplaint, type PhotoType } from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

export interface CoreComplaintCreate {
  personId: string;
  /** the outbox entry id: the core treats a repeat as the same complaint */
  requestId: string;
  clientRef: string;
  category: ComplaintCategory;
  target: { hallId: string; zoneId?: string; windowNo?: string; staffNo?: string };
  description: string;
  anonymous: boolean;
  photoIds: string[];
}

/**
 * The core's 找茬 API, mapped to our shared types. A payload that no longer matches its schema stops here as a
 * protocol error; a refusal is answered as `refusal` says (features/complaints/refusals.ts).
 */
export function createCoreComplaintsClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  const photoAck = z.object({ photoId: z.string(), bytes: z.number() });
  const list = z.object({ complaints: z.array(coreComplaintSchema) });
  const photo = z.object({ photoId: z.string(), contentType: z.enum(PHOTO_TYPES), dataBase64: z.string() });

  return {
    // both writes are idempotent at the core (photo id, request id): safe to retry after a lost answer
    uploadPhoto: (p: { photoId: string; contentType: PhotoType; data: Buffer }) =>
      parsed(photoAck, '/core/v1/complaints/photos', {
        method: 'POST',
        body: { photoId: p.photoId, contentType: p.contentType, dataBase64: p.data.toString('base64') },
        idempotent: true,
      }),
    create: (c: CoreComplaintCreate): Promise<CoreComplaint> =>
      parsed(coreComplaintSchema, '/core/v1/complaints', { method: 'POST', body: c, idempotent: true }),
    list: (personId: string) => parsed(list, '/core/v1/complaints', { query: { personId } }),
    get: (id: string, personId: string) => parsed(coreComplaintSchema, `/core/v1/complaints/${enc(id)}`, { query: { personId } }),
    rate: (id: string, personId: string, rating: ComplaintRating, comment?: string) =>
      parsed(coreComplaintSchema, `/core/v1/complaints/${enc(id)}/rating`, { method: 'POST', body: { personId, rating, ...(comment ? { comment } : {}) } }),
    photo: async (id: string, photoId: string, personId: string): Promise<{ contentType: PhotoType; data: Buffer }> => {
      const p = await parsed(photo, `/core/v1/complaints/${enc(id)}/photos/${enc(photoId)}`, { query: { personId } });
      return { contentType: p.contentType, data: Buffer.from(p.dataBase64, 'base64') };
    },
    reopen: (id: string, personId: string, reason: string) =>
      parsed(coreComplaintSchema, `/core/v1/complaints/${enc(id)}/reopen`, { method: 'POST', body: { personId, reason } }),
  };
}

export type CoreComplaintsClient = ReturnType<typeof createCoreComplaintsClient>;
