import {
  addWorkingDays,
  CoreRefusal,
  CORRECTION_RULES,
  shanghaiDate,
  workingDaysBetween,
  type CoreCorrection,
  type CorrectionFileType,
  type CorrectionMaterialSpec,
} from '@jsb/shared';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import { emitCaseEvent } from './case-events';
import type { CaseRecord, CorrectionRecord } from './cases.state';
import { calendarOfCase } from './case-calendar';

/*
 * 补正 (issue 12): the window tells the applicant once, in full, what is missing (一次告知: each material, why, how
 * many, original or copy) and by when; the applicant hands it in online or at the window; the window accepts it (the
 * clock runs again) or says what is still wrong. Synchronous, like every state change of the core.
 */

export const latestCorrection = (c: CaseRecord): CorrectionRecord | undefined => c.corrections[c.corrections.length - 1];
const isOpen = (k: CorrectionRecord | undefined): k is CorrectionRecord => k !== undefined && k.state !== 'accepted';

const notOpen = (k?: CorrectionRecord) =>
  new CoreRefusal(409, 'CORRECTION_NOT_OPEN', k?.state === 'submitted' ? '材料已补交，正在审核' : '该办件当前不需要补正', { state: k?.state ?? null });

/** Called by pauseCase for a 补正 pause: the request, its deadline from the rule, and the event. */
export function requestCorrection(state: CoreState, now: Date, c: CaseRecord, reason: string, materials?: CorrectionMaterialSpec[]): CorrectionRecord {
  const list = materials?.length ? materials : [{ name: '补正材料', reason, copies: 1, form: '复印件' as const }];
  const deadline = addWorkingDays(shanghaiDate(now), CORRECTION_RULES.workingDays, calendarOfCase(state, c));
  const k: CorrectionRecord = {
    id: `BZ${c.caseNo.slice(2)}${c.corrections.length + 1}`,
    reason,
    requestedAt: now.toISOString(),
    deadline,
    workingDays: CORRECTION_RULES.workingDays,
    materials: list.map((m, i) => ({ ...m, id: `M${i + 1}`, fileIds: [] })),
    state: 'requested',
    submissions: [],
  };
  c.corrections.push(k);
  const hall = state.catalog.ensureHall(c.hallId);
  emitCaseEvent(state, now, c, 'case.correction-requested', {
    correctionId: k.id,
    reason,
    materials: k.materials.map(({ fileIds: _f, rejection: _r, ...m }) => m),
    deadline,
    workingDays: k.workingDays,
    hallName: hall.name,
    windowNo: c.windowNo,
  });
  return k;
}

export interface CorrectionFileInput {
  fileId: string;
  materialId: string;
  contentType: CorrectionFileType;
  data: Buffer;
  pages: number;
}

/** One file of a material; the same file id again is the same file (a retried upload). */
export function storeCorrectionFile(state: CoreState, now: Date, c: CaseRecord, f: CorrectionFileInput): { fileId: string; bytes: number } {
  const known = state.cases.correctionFiles.get(f.fileId);
  if (known && known.caseNo === c.caseNo) return { fileId: known.fileId, bytes: known.data.length };
  if (known) throw new CoreRefusal(409, 'FILE_ID_TAKEN', '文件编号已被使用');
  const k = latestCorrection(c);
  if (!isOpen(k) || k.state === 'submitted') throw notOpen(k);
  if (!k.materials.some((m) => m.id === f.materialId)) throw new CoreError(404, 'MATERIAL_NOT_FOUND', '该补正没有这项材料');
  if (f.data.length === 0) throw new CoreRefusal(422, 'FILE_EMPTY', '文件内容为空');
  if (f.data.length > CORRECTION_RULES.fileMaxBytes) throw new CoreRefusal(413, 'FILE_TOO_LARGE', '文件过大', { maxBytes: CORRECTION_RULES.fileMaxBytes });
  state.cases.correctionFiles.set(f.fileId, { ...f, caseNo: c.caseNo, receivedAt: now.toISOString() });
  return { fileId: f.fileId, bytes: f.data.length };
}

export interface SubmissionInput {
  requestId: string;
  correctionId: string;
  materials: { materialId: string; fileIds: string[] }[];
}

/** 网上补交: every material with at least one file, before the deadline. A repeated request id is the same submission. */
export function submitCorrection(state: CoreState, now: Date, c: CaseRecord, input: SubmissionInput): { correction: CorrectionRecord; replay: boolean } {
  const k = c.corrections.find((x) => x.id === input.correctionId);
  if (!k) throw new CoreError(404, 'CORRECTION_NOT_FOUND', '没有找到该补正通知');
  if (k.submissions.some((s) => s.requestId === input.requestId)) return { correction: k, replay: true };
  if (k !== latestCorrection(c) || !isOpen(k) || k.state === 'submitted') throw notOpen(k);
  if (shanghaiDate(now) > k.deadline) throw new CoreRefusal(409, 'CORRECTION_OVERDUE', '已超过补正期限', { deadline: k.deadline });
  const given = new Map(input.materials.map((m) => [m.materialId, m.fileIds]));
  const missing = k.materials.filter((m) => !given.get(m.id)?.length).map((m) => m.id);
  if (missing.length) throw new CoreRefusal(422, 'MATERIAL_MISSING', '还有材料没有补交', { materials: missing });
  const files = [...given.entries()].flatMap(([materialId, ids]) => ids.map((id) => ({ materialId, id })));
  const unknown = files.filter((f) => {
    const rec = state.cases.correctionFiles.get(f.id);
    return !rec || rec.caseNo !== c.caseNo || rec.materialId !== f.materialId;
  });
  if (unknown.length) throw new CoreRefusal(422, 'FILE_NOT_FOUND', '有文件尚未上传', { fileIds: unknown.map((f) => f.id) });
  const at = now.toISOString();
  for (const m of k.materials) {
    m.fileIds = [...(given.get(m.id) ?? [])];
    delete m.rejection;
  }
  k.state = 'submitted';
  k.submittedAt = at;
  delete k.rejection;
  k.submissions.push({ requestId: input.requestId, at, files: files.length });
  c.timeline.push({ kind: 'correction-submitted', title: '已网上补交材料，等待审核', at, department: c.department, note: `共${files.length}个文件` });
  emitCaseEvent(state, now, c, 'case.correction-received', { correctionId: k.id, files: files.length });
  return { correction: k, replay: false };
}

export function ensureSubmitted(c: CaseRecord): CorrectionRecord {
  const k = latestCorrection(c);
  if (!k || k.state !== 'submitted') throw new CoreRefusal(409, 'CASE_STATE_CONFLICT', '没有待审核的补正材料', { state: k?.state ?? null });
  return k;
}

export interface RejectionInput {
  reason: string;
  whatToDo: string;
  /** the materials that fell short; absent: all of them, for the same reason */
  materials?: { id: string; reason: string; whatToDo: string }[];
}

/** Staff: what was handed in does not do; each material says why and what to do. The clock stays stopped. */
export function rejectCorrection(state: CoreState, now: Date, c: CaseRecord, r: RejectionInput): CorrectionRecord {
  const k = ensureSubmitted(c);
  const at = now.toISOString();
  const per = new Map((r.materials ?? k.materials.map((m) => ({ id: m.id, reason: r.reason, whatToDo: r.whatToDo }))).map((m) => [m.id, m]));
  for (const m of k.materials) {
    const x = per.get(m.id);
    if (x) m.rejection = { reason: x.reason, whatToDo: x.whatToDo };
  }
  k.state = 'rejected';
  k.rejection = { at, reason: r.reason, whatToDo: r.whatToDo };
  c.timeline.push({ kind: 'correction-rejected', title: '补交的材料未通过审核', at, department: c.department, note: r.reason });
  emitCaseEvent(state, now, c, 'case.correction-rejected', {
    correctionId: k.id,
    reason: r.reason,
    whatToDo: r.whatToDo,
    deadline: k.deadline,
    materials: k.materials.filter((m) => m.rejection).map((m) => ({ id: m.id, name: m.name, ...m.rejection! })),
  });
  return k;
}

/** The open correction ends with its pause: accepted as submitted online, or handed in at the window. */
export function closeCorrection(c: CaseRecord, now: Date): CorrectionRecord | undefined {
  const k = latestCorrection(c);
  if (!isOpen(k)) return undefined;
  k.how = k.state === 'submitted' ? 'online' : 'counter';
  k.state = 'accepted';
  k.decidedAt = now.toISOString();
  return k;
}

export function correctionView(state: CoreState, now: Date, c: CaseRecord): CoreCorrection | null {
  const k = latestCorrection(c);
  if (!k) return null;
  const today = shanghaiDate(now);
  const hall = state.catalog.ensureHall(c.hallId);
  const waiting = k.state === 'requested' || k.state === 'rejected';
  return {
    id: k.id,
    state: k.state,
    reason: k.reason,
    requestedAt: k.requestedAt,
    deadline: k.deadline,
    workingDays: k.workingDays,
    workingDaysLeft: waiting ? Math.max(0, workingDaysBetween(today, k.deadline, calendarOfCase(state, c))) : 0,
    overdue: waiting && today > k.deadline,
    materials: k.materials.map(({ fileIds, ...m }) => ({
      ...m,
      files: fileIds.flatMap((id) => {
        const f = state.cases.correctionFiles.get(id);
        return f ? [{ fileId: id, contentType: f.contentType, bytes: f.data.length, pages: f.pages }] : [];
      }),
    })),
    counter: { hallName: hall.name, windowNo: c.windowNo, address: hall.address, phone: hall.phone, hours: hall.hours },
    submissions: k.submissions.length,
    ...(k.submittedAt ? { submittedAt: k.submittedAt } : {}),
    ...(k.decidedAt ? { decidedAt: k.decidedAt } : {}),
    ...(k.how ? { how: k.how } : {}),
    ...(k.rejection ? { rejection: k.rejection } : {}),
  };
}
