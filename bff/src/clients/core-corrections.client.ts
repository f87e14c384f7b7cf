import { z } from 'zod';
import { coreCaseSchema, type CorrectionFileType } from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

/**
 * The core's 补正 intake (issue 12): one file per call (base64 in JSON, idempotent by file id), then the submission
 * (idempotent by request id: the outbox entry's id). A refusal is answered as `refusal` says; the outbox keeps the
 * core's code and details for the citizen's view (features/corrections/view.ts).
 */
export function createCoreCorrectionsClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  // a 5 MB file is about 6.7 MB of JSON: more time than a usual call, and this runs in the outbox relay, not a request
  const fileTimeoutMs = 20_000;
  return {
    uploadFile: (caseNo: string, f: { personId: string; fileId: string; materialId: string; contentType: CorrectionFileType; data: Buffer; pages: number }) =>
      parsed(z.object({ fileId: z.string(), bytes: z.number() }), `/core/v1/cases/${enc(caseNo)}/corrections/files`, {
        method: 'POST',
        idempotent: true,
        timeoutMs: fileTimeoutMs,
        body: {
          personId: f.personId,
          fileId: f.fileId,
          materialId: f.materialId,
          contentType: f.contentType,
          dataBase64: f.data.toString('base64'),
          pages: f.pages,
        },
      }),
    submit: (caseNo: string, correctionId: string, b: { personId: string; requestId: string; materials: { materialId: string; fileIds: string[] }[] }) =>
      parsed(coreCaseSchema, `/core/v1/cases/${enc(caseNo)}/corrections/${enc(correctionId)}/submissions`, { method: 'POST', idempotent: true, body: b }),
  };
}

export type CoreCorrectionsClient = ReturnType<typeof createCoreCorrectionsClient>;
