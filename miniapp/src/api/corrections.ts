import type { Correction, CorrectionFile } from '@jsb/shared';
import { downloadFile, uploadFile, type LocalFile } from './files';
import { apiClient } from './index';

/* ---- 补正 online (issue 12): the bff's /api/v1/cases/{caseNo}/correction ---- */

const base = (caseNo: string) => `/api/v1/cases/${encodeURIComponent(caseNo)}/correction`;

export function getCorrection(caseNo: string): Promise<Correction> {
  return apiClient.request<Correction>(base(caseNo));
}

/** One page of one material: a photo or a PDF (the bff checks the type by content and strips metadata). */
export function uploadCorrectionFile(caseNo: string, materialId: string, f: LocalFile, onProgress: (percent: number) => void): Promise<CorrectionFile> {
  return uploadFile<CorrectionFile>(`${base(caseNo)}/materials/${encodeURIComponent(materialId)}/files`, f, onProgress);
}

export function deleteCorrectionFile(caseNo: string, materialId: string, fileId: string): Promise<Correction> {
  return apiClient.request<Correction>(`${base(caseNo)}/materials/${encodeURIComponent(materialId)}/files/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}

export function correctionFilePath(caseNo: string, materialId: string, fileId: string): Promise<string> {
  return downloadFile(`${base(caseNo)}/materials/${encodeURIComponent(materialId)}/files/${encodeURIComponent(fileId)}`);
}

export function submitCorrection(caseNo: string, idempotencyKey: string): Promise<Correction> {
  return apiClient.request<Correction>(`${base(caseNo)}/submissions`, { method: 'POST', body: {}, idempotencyKey });
}
