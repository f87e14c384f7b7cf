import { z } from 'zod';
import { CORRECTION_FILE_TYPES } from '@jsb/shared';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { ensureCase, ensureOwnCase, resumeCase } from '../cases/cases.domain';
import { caseView } from '../cases/cases.view';
import { ensureSubmitted, rejectCorrection, storeCorrectionFile, submitCorrection } from '../cases/corrections.domain';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import { personIdSchema } from './bookings.routes';
import { seeded } from './cases.routes';
import type { CoreFeature } from './feature';

const fileBody = z.object({
  personId: personIdSchema,
  fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  materialId: z.string().regex(/^M\d{1,2}$/),
  contentType: z.enum(CORRECTION_FILE_TYPES),
  dataBase64: z.string().min(1),
  pages: z.number().int().min(1).max(500),
});
const submissionBody = z.object({
  personId: personIdSchema,
  requestId: z.string().min(1).max(200),
  materials: z
    .array(z.object({ materialId: z.string().regex(/^M\d{1,2}$/), fileIds: z.array(z.string().min(1).max(64)).min(1).max(20) }))
    .min(1)
    .max(20),
});
const rejectBody = z.object({
  reason: z.string().min(1).max(200),
  whatToDo: z.string().min(1).max(200),
  materials: z
    .array(z.object({ id: z.string(), reason: z.string().min(1).max(200), whatToDo: z.string().min(1).max(200) }))
    .min(1)
    .optional(),
});

/**
 * 补正 online (issue 12). The applicant's channel hands in files (one per request, idempotent by file id) and then the
 * submission (idempotent by request id), signed under /core/v1; the window reviews it at /__mock/staff/cases/:caseNo/
 * correction/{accept,reject}. Accepting ends the pause: the clock runs again.
 */
export const correctionsFeature: CoreFeature = {
  name: 'corrections',

  routes(router, deps) {
    const st = () => seeded(deps.state, deps);
    router.post('/cases/:caseNo/corrections/files', async (ctx) => {
      const input = parseInput(fileBody, await readCoreJson(ctx));
      const state = st();
      const c = ensureOwnCase(state, ctx.params.caseNo ?? '', input.personId);
      ctx.status = 201;
      ctx.body = storeCorrectionFile(state, deps.clock.now(), c, { ...input, data: Buffer.from(input.dataBase64, 'base64') });
    });
    router.post('/cases/:caseNo/corrections/:correctionId/submissions', async (ctx) => {
      const input = parseInput(submissionBody, await readCoreJson(ctx));
      const state = st();
      const now = deps.clock.now();
      const c = ensureOwnCase(state, ctx.params.caseNo ?? '', input.personId);
      const { replay } = submitCorrection(state, now, c, {
        requestId: input.requestId,
        correctionId: ctx.params.correctionId ?? '',
        materials: input.materials,
      });
      ctx.status = replay ? 200 : 201;
      ctx.body = caseView(state, now, c);
    });
  },

  admin(router, deps) {
    const st = () => seeded(deps.state, deps);
    const view = (c: Parameters<typeof caseView>[2]) => ({ ...caseView(st(), deps.clock.now(), c), queryCode: c.queryCode });
    router.post('/staff/cases/:caseNo/correction/accept', async (ctx) => {
      const { note } = parseInput(z.object({ note: z.string().max(200).optional() }), await readAdminBody(ctx));
      const state = st();
      const c = ensureCase(state, ctx.params.caseNo ?? '');
      ensureSubmitted(c);
      ctx.body = view(resumeCase(state, deps.clock.now(), c.caseNo, note ?? '补交的材料审核通过'));
    });
    router.post('/staff/cases/:caseNo/correction/reject', async (ctx) => {
      const r = parseInput(rejectBody, await readAdminBody(ctx));
      const state = st();
      const c = ensureCase(state, ctx.params.caseNo ?? '');
      rejectCorrection(state, deps.clock.now(), c, r);
      ctx.body = view(c);
    });
    // what the core received, to check that nothing personal came with it
    router.get('/correction-files/:fileId', (ctx) => {
      const f = deps.state.cases.correctionFiles.get(ctx.params.fileId ?? '');
      if (!f) throw new AdminInputError('no such file', 404, 'NOT_FOUND');
      ctx.body = {
        fileId: f.fileId,
        caseNo: f.caseNo,
        materialId: f.materialId,
        contentType: f.contentType,
        pages: f.pages,
        bytes: f.data.length,
        dataBase64: f.data.toString('base64'),
      };
    });
  },
};
