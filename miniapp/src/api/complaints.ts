import type { Complaint, ComplaintList, CreateComplaintRequest, RateComplaintReplyRequest, UploadedPhoto } from '@jsb/shared';
import { downloadFile, uploadFile, type LocalFile } from './files';
import { apiClient } from './index';

/* ---- 找茬 (complaints): the bff's /api/v1/complaints ---- */

export function createComplaint(body: CreateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>('/api/v1/complaints', { method: 'POST', body, idempotencyKey });
}

export function listMyComplaints(): Promise<ComplaintList> {
  return apiClient.request<ComplaintList>('/api/v1/complaints');
}

export function getComplaint(id: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}`);
}

export function rateComplaintReply(id: string, body: RateComplaintReplyRequest, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}/rating`, { method: 'POST', body, idempotencyKey });
}

export function reopenComplaint(id: string, reason: string, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}/reopen`, { method: 'POST', body: { reason }, idempotencyKey });
}

const PHOTO_PATH = '/api/v1/complaints/photos';

/** Uploads one photo (H5: pass the chosen File as `file`); `onProgress` gets 0–100. */
export function uploadComplaintPhoto(photo: LocalFile, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return uploadFile<UploadedPhoto>(PHOTO_PATH, photo, onProgress);
}

/** A photo of one of my complaints, as a local path for <Image> and Taro.previewImage. */
export function complaintPhotoPath(id: string, photoId: string): Promise<string> {
  return downloadFile(`/api/v1/complaints/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`);
}
