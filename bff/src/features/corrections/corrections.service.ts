import { randomBytes } from 'node:crypto';
import type { CaseSummary, CoreCase, CoreCorrection, Correction, CorrectionFile } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { RawBody } from '../../http/route';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Outbox } from '../../outbox/outbox';
import type { CoreCasesClient } from '../../clients/core-cases.client';
import type { CoreCorrectionsClient } from '../../clients/core-corrections.client';
import type { CitizenModel } from '../auth/citizen.model';
import { personOf } from '../cases/cases.service';
import { asBuffer } from '../complaints/complaints.service';
import type { CorrectionFileModel } from './correction-file.model';
import type { SnapshotModel } from './snapshot.model';
import { UpstreamError } from '../../clients/http';
import { isDuplicateKey } from '../../db/duplicate';
import { findByIds, setByIds } from '../../db/by-id';
import type { Lists } from '../../db/lists';
import { cleanCorrectionFile, correctionFileFromBody } from './files';
import { buildCorrection, correctionStatusLabel, filesToSend, type CorrectionEntry, type CorrectionPayload, type FileDoc } from './view';

export const CORRECTION_KIND = 'case.correction';
const DAY_MS = 24 * 3600_000;
/** uploads wait this long for their submission; submitted ones are kept a month for the citizen to look at again */
const KEEP_MS = 30 * DAY_MS;
/** a correction's files (db/lists.ts), and how many of them are looked at: far more than its materials may have */
export const filesListOf = (userId: string, caseNo: string, correctionId: string) => `correction-files|${userId}|${caseNo}|${correctionId}`;
const FILES_LOOKED_AT = 200;
const FILE_FIELDS = { _id: 1, materialId: 1, round: 1, type: 1, bytes: 1, pages: 1, createdAt: 1 } as const;

export interface CorrectionsDeps {
  cases: CoreCasesClient;
  core: CoreCorrectionsClient;
  citizens: CitizenModel;
  files: CorrectionFileModel;
  /** each correction's files, by _id (db/lists.ts, issue 14) */
  lists: Lists;
  snapshots: SnapshotModel;
  outbox: Outbox;
  idempotency: IdempotencyStore;
  clock: () => Date;
}

const noFile = () => new AppError('NOT_FOUND', { message: '没有找到这个文件。', hint: '请返回补正页面刷新后查看。' });
const noCorrection = () => new AppError('NOT_FOUND', { message: '这个办件没有补正通知。', hint: '需要补正时会通过“消息”通知您；可在“进度”查看办件。' });

/**
 * 补正 online (issue 12): upload each material from the phone, then submit; the submission goes to the core through
 * the outbox (stored first, so a core that is down loses nothing and a repeat is the same submission).
 */
export function createCorrectionsService(d: CorrectionsDeps) {
  const entries = async (userId: string, caseNo: string, correctionId: string) =>
    ((await d.outbox.listFor(userId, CORRECTION_KIND)) as CorrectionEntry[]).filter(
      (e) => e.payload.caseNo === caseNo && e.payload.correctionId === correctionId,
    );
  const latest = (list: CorrectionEntry[]) => list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null;
  async function filesOf(userId: string, caseNo: string, correctionId: string): Promise<FileDoc[]> {
    const entries = await d.lists.newest(filesListOf(userId, caseNo, correctionId), FILES_LOOKED_AT);
    const docs = await findByIds<FileDoc & { userId: string; caseNo: string; correctionId: string }>(
      d.files,
      entries.map((e) => e.ref),
      { ...FILE_FIELDS, userId: 1, caseNo: 1, correctionId: 1 },
    );
    return docs
      .filter((f) => f.userId === userId && f.caseNo === caseNo && f.correctionId === correctionId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /**
   * The citizen's case as the core shows it now, remembered when it has an open 补正; while the core is down, the last
   * one remembered (up to a day old), so files can still be uploaded and submitted: nothing waits on the core.
   */
  async function caseOf(auth: AuthContext, caseNo: string, personId: string): Promise<CoreCase> {
    const id = `${auth.userId}|${caseNo}`;
    try {
      const c = await d.cases.case(caseNo, personId);
      if (c.correction && c.correction.state !== 'accepted') {
        const now = d.clock();
        await d.snapshots
          .updateOne({ _id: id }, { $set: { case: c, at: now, expiresAt: new Date(now.getTime() + DAY_MS) } }, { upsert: true })
          .catch((e: unknown) => {
            if (!isDuplicateKey(e)) throw e; // remembered by a request at the same moment: either copy will do
          });
      }
      return c;
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      const kept = await d.snapshots.findById(id).lean();
      if (!kept || kept.expiresAt <= d.clock()) throw err;
      return kept.case as CoreCase;
    }
  }

  async function view(userId: string, c: CoreCase): Promise<Correction | undefined> {
    const k = c.correction;
    if (!k) return undefined;
    return buildCorrection(c, k, await filesOf(userId, c.caseNo, k.id), latest(await entries(userId, c.caseNo, k.id)));
  }

  /** The case, its open 补正, the files for it and the submission in the outbox: refused unless it can take files now. */
  async function editable(auth: AuthContext, caseNo: string) {
    const personId = await personOf(d.citizens, auth);
    const c = await caseOf(auth, caseNo, personId);
    const k = c.correction;
    if (!k) throw noCorrection();
    const files = await filesOf(auth.userId, caseNo, k.id);
    const v = buildCorrection(c, k, files, latest(await entries(auth.userId, caseNo, k.id)));
    if (v.state !== 'requested' && v.state !== 'rejected') throw new AppError('CORRECTION_NOT_OPEN', { details: { state: v.state } });
    if (k.overdue)
      throw new AppError('CORRECTION_OVERDUE', {
        message: `补正期限已于${k.deadline}结束，不能在网上补交了。`,
        hint: v.notice,
        details: { deadline: k.deadline },
      });
    return { personId, c, k, files, v };
  }

  const materialOf = (k: CoreCorrection, materialId: string) => {
    const m = k.materials.find((x) => x.id === materialId);
    if (!m) throw new AppError('NOT_FOUND', { message: '这个补正没有这项材料。', hint: '请返回补正页面刷新后重新选择。' });
    return m;
  };

  async function get(auth: AuthContext, caseNo: string): Promise<Correction> {
    const personId = await personOf(d.citizens, auth);
    const v = await view(auth.userId, await caseOf(auth, caseNo, personId));
    if (!v) throw noCorrection();
    return v;
  }

  return {
    view,
    get,
    statusLabel: correctionStatusLabel,

    /** The correction summary of each case of a list (one outbox read for all of them). */
    async summaries(userId: string, cases: CoreCase[]): Promise<Map<string, NonNullable<CaseSummary['correction']>>> {
      const out = new Map<string, NonNullable<CaseSummary['correction']>>();
      const open = cases.filter((c) => c.correction && c.correction.state !== 'accepted');
      if (!open.length) return out;
      const all = (await d.outbox.listFor(userId, CORRECTION_KIND)) as CorrectionEntry[];
      for (const c of open) {
        const k = c.correction!;
        const v = buildCorrection(c, k, [], latest(all.filter((e) => e.payload.caseNo === c.caseNo && e.payload.correctionId === k.id)));
        out.set(c.caseNo, { state: v.state, stateLabel: v.stateLabel, deadline: v.deadline, workingDaysLeft: v.workingDaysLeft, overdue: v.overdue });
      }
      return out;
    },

    async upload(auth: AuthContext, caseNo: string, materialId: string, body: RawBody): Promise<CorrectionFile> {
      // whose case and which material, before the bytes are looked at: another citizen learns nothing from an upload
      const { k, v } = await editable(auth, caseNo);
      materialOf(k, materialId);
      const shown = v.materials.find((m) => m.id === materialId)!.files.length;
      if (shown >= v.limits.maxFilesPerMaterial) throw new AppError('TOO_MANY_FILES', { details: { max: v.limits.maxFilesPerMaterial } });
      const clean = await cleanCorrectionFile(correctionFileFromBody(body));
      const now = d.clock();
      const id = `cf_${randomBytes(12).toString('hex')}`;
      const place = await d.lists.add(filesListOf(auth.userId, caseNo, k.id), id);
      await d.files.create({
        place,
        _id: id,
        userId: auth.userId,
        caseNo,
        correctionId: k.id,
        materialId,
        round: k.submissions,
        type: clean.type,
        bytes: clean.data.length,
        pages: clean.pages,
        data: clean.data,
        createdAt: now,
        expiresAt: new Date(now.getTime() + KEEP_MS),
      });
      return { id, type: clean.type, bytes: clean.data.length, pages: clean.pages, uploadedAt: now.toISOString(), submitted: false, metadataRemoved: true };
    },

    async remove(auth: AuthContext, caseNo: string, materialId: string, fileId: string): Promise<Correction> {
      const { c, k, files } = await editable(auth, caseNo);
      const f = files.find((x) => x._id === fileId && x.materialId === materialId);
      if (!f) throw noFile();
      if (f.round !== k.submissions)
        throw new AppError('CORRECTION_NOT_OPEN', { message: '这个文件已随上一次补交提交，不能删除。', hint: '只需为标出的材料重新上传。' });
      await d.files.deleteOne({ _id: fileId });
      return (await view(auth.userId, c))!;
    },

    async file(auth: AuthContext, caseNo: string, materialId: string, fileId: string): Promise<{ contentType: string; data: Buffer }> {
      const f = await d.files.findById(fileId, { userId: 1, caseNo: 1, materialId: 1, type: 1, data: 1 }).lean();
      if (!f || f.userId !== auth.userId || f.caseNo !== caseNo || f.materialId !== materialId) throw noFile();
      return { contentType: f.type, data: asBuffer(f.data) };
    },

    async submit(auth: AuthContext, caseNo: string, idempotencyKey?: string): Promise<Correction> {
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'submitCorrection',
        key: idempotencyKey,
        request: { caseNo },
        run: async () => {
          const { personId, k, files } = await editable(auth, caseNo);
          const send = filesToSend(k, files);
          const short = k.materials.filter((m) => {
            const s = send.get(m.id)!;
            return s.kept.length + s.fresh.length === 0 || (m.rejection && s.fresh.length === 0);
          });
          if (short.length) {
            throw new AppError('MATERIAL_MISSING', {
              message: `还需要上传：${short.map((m) => `“${m.name}”`).join('、')}。`,
              details: { materials: short.map((m) => m.id) },
            });
          }
          const payload: CorrectionPayload = {
            personId,
            caseNo,
            correctionId: k.id,
            round: k.submissions,
            materials: k.materials.map((m) => ({ materialId: m.id, fileIds: [...send.get(m.id)!.kept, ...send.get(m.id)!.fresh] })),
          };
          // one submission per round, and a new try after the core refused one: a double tap is the same entry
          const tries = (await entries(auth.userId, caseNo, k.id)).filter((e) => e.payload.round === k.submissions).length;
          await d.outbox.submit(CORRECTION_KIND, auth.userId, payload, `${caseNo}:${k.id}:${k.submissions}:${tries}`);
          return get(auth, caseNo);
        },
      });
    },

    /** The outbox's deliverer: each file (idempotent by id), then the submission (idempotent by the entry's id). */
    async deliver(payload: CorrectionPayload, requestId: string): Promise<CoreCase> {
      for (const m of payload.materials) {
        for (const fileId of m.fileIds) {
          const f = await d.files.findById(fileId).lean();
          // gone: an earlier round's file the core already has (the submission says so if not)
          if (f)
            await d.core.uploadFile(payload.caseNo, {
              personId: payload.personId,
              fileId,
              materialId: m.materialId,
              contentType: f.type as 'application/pdf',
              data: asBuffer(f.data),
              pages: f.pages,
            });
        }
      }
      const c = await d.core.submit(payload.caseNo, payload.correctionId, { personId: payload.personId, requestId, materials: payload.materials });
      const now = d.clock();
      await setByIds(
        d.files,
        payload.materials.flatMap((m) => m.fileIds),
        { deliveredAt: now, expiresAt: new Date(now.getTime() + KEEP_MS) },
      );
      return c;
    },
  };
}

export type CorrectionsService = ReturnType<typeof createCorrectionsService>;
