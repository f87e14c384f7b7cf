import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_RATINGS, COMPLAINT_RULES, PHOTO_TYPES } from '@jsb/shared';
import { readAdminBody } from '../../infra/admin';
import {
  acknowledge,
  citizenView,
  close,
  createComplaint,
  ensureComplaint,
  ensureOwnComplaint,
  listComplaints,
  photoNotFound,
  rateReply,
  reopen,
  reply,
  staffView,
  startWork,
  storePhoto,
} from '../complaints/complaints.domain';
import { emitComplaintEvent } from '../complaints/complaint-events';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';
import { personIdSchema } from './bookings.routes';

const createBody = z.object({
  personId: personIdSchema,
  requestId: z.string().min(1).max(160).optional(),
  clientRef: z.string().min(1).max(64).optional(),
  category: z.enum(COMPLAINT_CATEGORIES),
  target: z.object({
    hallId: z.string().min(1).max(40),
    zoneId: z.string().max(40).optional(),
    windowNo: z.string().max(10).optional(),
    staffNo: z.string().max(20).optional(),
  }),
  description: z.string().min(1).max(COMPLAINT_RULES.descriptionMax),
  anonymous: z.boolean(),
  photoIds: z.array(z.string().min(1).max(64)).max(COMPLAINT_RULES.maxPhotos),
});
const photoBody = z.object({
  photoId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  contentType: z.enum(PHOTO_TYPES),
  dataBase64: z.string().min(1),
});
const personQuery = z.object({ personId: personIdSchema });
const rateBody = z.object({ personId: personIdSchema, rating: z.enum(COMPLAINT_RATINGS), comment: z.string().max(200).optional() });
const reopenBody = z.object({ personId: personIdSchema, reason: z.string().min(1).max(300) });
const staffBody = z.object({ by: z.string().min(1).max(40).default('大厅找茬窗口'), text: z.string().max(2000).optional() });

/**
 * 找茬 (complaints). Citizen-side calls come from the bff, signed, under /core/v1/complaints.
 * Staff operations (acknowledge, start, reply, close) and the staff view are test-only paths under
 * /__mock/staff/complaints: the real system's staff desk is not ours to call.
 */
export const complaintsFeature: CoreFeature = {
  name: 'complaints',

  routes(router, { state, clock }) {
    // one photo per request (base64 in JSON): each stays under the core's 1 MB body limit
    router.post('/complaints/photos', async (ctx) => {
      const input = parseInput(photoBody, await readCoreJson(ctx));
      const photo = storePhoto(state, clock.now(), { photoId: input.photoId, contentType: input.contentType, data: Buffer.from(input.dataBase64, 'base64') });
      ctx.status = 201;
      ctx.body = { photoId: photo.id, contentType: photo.contentType, bytes: photo.data.length };
    });

    router.post('/complaints', async (ctx) => {
      const input = parseInput(createBody, await readCoreJson(ctx));
      const now = clock.now();
      const { complaint, replay } = createComplaint(state, now, input);
      ctx.status = replay ? 200 : 201;
      if (replay) ctx.set('X-Idempotent-Replay', 'true');
      ctx.body = citizenView(state, complaint, now);
    });

    router.get('/complaints', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      const now = clock.now();
      ctx.body = { complaints: listComplaints(state, personId).map((r) => citizenView(state, r, now)) };
    });

    router.get('/complaints/:id', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      ctx.body = citizenView(state, ensureOwnComplaint(state, ctx.params.id ?? '', personId), clock.now());
    });

    // a photo of the person's own complaint, for the citizen to look at again (base64 in JSON, as it came in)
    router.get('/complaints/:id/photos/:photoId', (ctx) => {
      const { personId } = parseInput(personQuery, ctx.query);
      const rec = ensureOwnComplaint(state, ctx.params.id ?? '', personId);
      const photo = rec.photoIds.includes(ctx.params.photoId ?? '') ? state.complaints.photos.get(ctx.params.photoId ?? '') : undefined;
      if (!photo) throw photoNotFound();
      ctx.body = { photoId: photo.id, contentType: photo.contentType, dataBase64: photo.data.toString('base64') };
    });

    router.post('/complaints/:id/rating', async (ctx) => {
      const { personId, rating, comment } = parseInput(rateBody, await readCoreJson(ctx));
      const now = clock.now();
      ctx.body = citizenView(state, rateReply(ensureOwnComplaint(state, ctx.params.id ?? '', personId), now, rating, comment), now);
    });

    router.post('/complaints/:id/reopen', async (ctx) => {
      const { personId, reason } = parseInput(reopenBody, await readCoreJson(ctx));
      const now = clock.now();
      ctx.body = citizenView(state, reopen(ensureOwnComplaint(state, ctx.params.id ?? '', personId), now, reason), now);
    });
  },

  admin(router, { state, clock }) {
    router.get('/staff/complaints', (ctx) => {
      const now = clock.now();
      ctx.body = { complaints: [...state.complaints.byId.values()].map((r) => staffView(state, r, now)) };
    });
    router.get('/staff/complaints/:id', (ctx) => {
      ctx.body = staffView(state, ensureComplaint(state, ctx.params.id ?? ''), clock.now());
    });
    const ops = { acknowledge, start: startWork, close } as const;
    for (const [name, op] of Object.entries(ops)) {
      router.post(`/staff/complaints/:id/${name}`, async (ctx) => {
        const { by } = parseInput(staffBody, await readAdminBody(ctx));
        const now = clock.now();
        const rec = op(ensureComplaint(state, ctx.params.id ?? ''), now, by);
        if (name === 'acknowledge') emitComplaintEvent(state, now, rec, 'complaint.acknowledged');
        ctx.body = staffView(state, rec, now);
      });
    }
    router.post('/staff/complaints/:id/reply', async (ctx) => {
      const { by, text } = parseInput(staffBody, await readAdminBody(ctx));
      const now = clock.now();
      const rec = reply(ensureComplaint(state, ctx.params.id ?? ''), now, by, text ?? '');
      emitComplaintEvent(state, now, rec, 'complaint.replied');
      ctx.body = staffView(state, rec, now);
    });
    // for tests that count what the core holds per request id
    router.get('/complaints', (ctx) => {
      ctx.body = {
        complaints: [...state.complaints.byId.values()].map((r) => ({
          id: r.id,
          trackingNo: r.trackingNo,
          requestId: r.requestId ?? null,
          clientRef: r.clientRef ?? null,
          status: r.status,
        })),
        photos: state.complaints.photos.size,
      };
    });
  },
};
