import {
  CORRECTION_FILE_TYPES,
  CORRECTION_RULES,
  CORRECTION_STATE_LABEL,
  type CoreCase,
  type CoreCorrection,
  type Correction,
  type CorrectionFile,
  type CorrectionFileType,
  type CorrectionState,
  monthDayText,
} from '@jsb/shared';
import type { OutboxEntry } from '../../outbox/outbox';

/** A submission waiting in the outbox (or refused by the core on delivery): its round and the files it carries. */
export interface CorrectionPayload {
  personId: string;
  caseNo: string;
  correctionId: string;
  /** the core's submission count when it was made */
  round: number;
  materials: { materialId: string; fileIds: string[] }[];
}
export type CorrectionEntry = OutboxEntry<CorrectionPayload>;

export interface FileDoc {
  _id: string;
  materialId: string;
  round: number;
  type: string;
  bytes: number;
  pages: number;
  createdAt: Date;
}

/** The core's own refusals of a submission that reached it after the citizen was told 已补交 (the core was down). */
const REFUSED: Record<string, { reason: string; whatToDo: string }> = {
  CORRECTION_OVERDUE: { reason: '材料送达政务系统时已超过补正期限', whatToDo: '请带齐材料到受理窗口咨询办理' },
  CORRECTION_NOT_OPEN: { reason: '窗口已经在处理这个办件的补正', whatToDo: '请留意“消息”里的审核结果，或拨打大厅电话询问' },
  MATERIAL_MISSING: { reason: '有的材料没有送达', whatToDo: '请为每项材料重新上传后再提交' },
  FILE_NOT_FOUND: { reason: '有的文件没有送达', whatToDo: '请重新上传后再提交' },
};

export function refusalOf(entry: CorrectionEntry): { reason: string; whatToDo: string } {
  return REFUSED[entry.refusal?.code ?? ''] ?? { reason: '政务系统没有接收这次补交', whatToDo: '请检查每项材料后重新提交，或带齐材料到受理窗口补交' };
}

/** Files the next submission carries for each material: kept ones the core holds (not found wanting) and new ones. */
export function filesToSend(k: CoreCorrection, pending: FileDoc[]): Map<string, { kept: string[]; fresh: string[] }> {
  return new Map(
    k.materials.map((m) => [
      m.id,
      {
        kept: k.submissions > 0 && !m.rejection ? m.files.map((f) => f.fileId) : [],
        fresh: pending.filter((f) => f.materialId === m.id && f.round === k.submissions).map((f) => f._id),
      },
    ]),
  );
}

const fileView = (f: FileDoc, submitted: boolean): CorrectionFile => ({
  id: f._id,
  type: f.type as CorrectionFileType,
  bytes: f.bytes,
  pages: f.pages,
  uploadedAt: f.createdAt.toISOString(),
  submitted,
  metadataRemoved: true,
});

/**
 * What the citizen sees of a case's latest 补正: the core's request and review, the files uploaded here for the
 * submission being prepared, and a submission still waiting for the core (queued) or refused by it.
 */
export function buildCorrection(c: CoreCase, k: CoreCorrection, files: FileDoc[], entry: CorrectionEntry | null): Correction {
  const current = entry && entry.payload.round === k.submissions ? entry : null;
  const queued = current?.state === 'queued';
  const refused = current?.state === 'rejected' && (k.state === 'requested' || k.state === 'rejected') ? refusalOf(current) : undefined;
  const state: CorrectionState = queued && k.state !== 'accepted' ? 'submitted' : refused ? 'rejected' : k.state;
  const editable = state === 'requested' || state === 'rejected';
  const send = filesToSend(k, files);
  const byId = new Map(files.map((f) => [f._id, f]));
  const materials = k.materials.map((m) => {
    const { kept, fresh } = send.get(m.id)!;
    const atCore = (ids: string[]): CorrectionFile[] =>
      m.files
        .filter((f) => ids.includes(f.fileId))
        .map((f) => ({
          id: f.fileId,
          type: f.contentType,
          bytes: f.bytes,
          pages: f.pages,
          uploadedAt: byId.get(f.fileId)?.createdAt.toISOString() ?? k.submittedAt ?? k.requestedAt,
          submitted: true,
          metadataRemoved: true,
        }));
    // while it is prepared (or waits in the outbox): what the core keeps plus what was uploaded for it; else what the core has
    const shown = editable || queued ? [...atCore(kept), ...fresh.map((id) => fileView(byId.get(id)!, queued))] : atCore(m.files.map((f) => f.fileId));
    const { files: _f, ...spec } = m;
    return { ...spec, formLabel: `${m.form}${m.copies}份`, files: shown };
  });
  const ready = materials.every((m, i) => {
    const s = send.get(k.materials[i]!.id)!;
    return s.kept.length + s.fresh.length > 0 && (!k.materials[i]!.rejection || s.fresh.length > 0);
  });
  const rejection = refused ? { ...refused, at: current!.createdAt.toISOString() } : k.rejection;
  return {
    id: k.id,
    state,
    stateLabel: CORRECTION_STATE_LABEL[state],
    notice: noticeOf(c, k, state, { queued, rejection }),
    reason: k.reason,
    requestedAt: k.requestedAt,
    deadline: k.deadline,
    workingDays: k.workingDays,
    workingDaysLeft: k.workingDaysLeft,
    overdue: k.overdue,
    materials,
    counter: k.counter,
    ...(k.submittedAt ? { submittedAt: k.submittedAt } : queued ? { submittedAt: current!.createdAt.toISOString() } : {}),
    queued,
    ...(k.decidedAt ? { decidedAt: k.decidedAt } : {}),
    ...(rejection ? { rejection } : {}),
    canUpload: editable && !k.overdue,
    canSubmit: editable && !k.overdue && ready,
    limits: { maxFilesPerMaterial: CORRECTION_RULES.maxFilesPerMaterial, fileMaxBytes: CORRECTION_RULES.fileMaxBytes, types: [...CORRECTION_FILE_TYPES] },
  };
}

function noticeOf(c: CoreCase, k: CoreCorrection, state: CorrectionState, x: { queued: boolean; rejection?: { reason: string; whatToDo: string } }): string {
  const counter = `${k.counter.hallName}${k.counter.windowNo}号窗口`;
  if (state === 'accepted') {
    const p = c.countdown?.promised;
    const clock = p ? `承诺时限还剩${p.remainingDays}个工作日，预计${monthDayText(p.dueDate)}前办结` : '可在“进度”查看倒计时';
    return `补正材料已通过${k.how === 'counter' ? '（窗口补交）' : ''}，办理时限已恢复计算：${clock}。`;
  }
  if (state === 'submitted') {
    return x.queued
      ? '已补交。政务系统暂时连不上，恢复后自动转交，不需要重新提交。'
      : '已补交，等待窗口审核；结果会通过“消息”通知您。审核期间办理时限仍暂停计算。';
  }
  if (k.overdue) return `补正期限已于${monthDayText(k.deadline)}结束，不能在网上补交了；请带齐材料到${counter}咨询办理（电话${k.counter.phone}）。`;
  const by = `请在${monthDayText(k.deadline)}前（还剩${k.workingDaysLeft}个工作日）`;
  if (state === 'rejected' && x.rejection) return `${x.rejection.reason}。${x.rejection.whatToDo}；${by}重新上传后提交，也可以带材料到${counter}补交。`;
  return `${by}为每项材料拍照或上传PDF后提交；也可以带齐材料到${counter}补交（${k.workingDays}个工作日内）。`;
}

/** The case's label while a 补正 is open: 待补正 and 已补交 are told apart from 审查中. */
export function correctionStatusLabel(k: Pick<Correction, 'state'>): string | undefined {
  return k.state === 'requested'
    ? '待补正（暂停计时）'
    : k.state === 'rejected'
      ? '待重新补正（暂停计时）'
      : k.state === 'submitted'
        ? '已补交，等待审核'
        : undefined;
}
