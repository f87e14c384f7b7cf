import Taro from '@tarojs/taro'
import type { Complaint, ComplaintList, CreateComplaintRequest, RateComplaintReplyRequest, UploadedPhoto } from '@jsb/shared'
import { config } from '../config'
import { apiClient, session } from './index'
import { errorFromResponse, networkError } from './errors'

/* ---- 找茬 (complaints): the bff's /api/v1/complaints ---- */

export function createComplaint(body: CreateComplaintRequest, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>('/api/v1/complaints', { method: 'POST', body, idempotencyKey })
}

export function listMyComplaints(): Promise<ComplaintList> {
  return apiClient.request<ComplaintList>('/api/v1/complaints')
}

export function getComplaint(id: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}`)
}

export function rateComplaintReply(id: string, body: RateComplaintReplyRequest, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}/rating`, { method: 'POST', body, idempotencyKey })
}

export function reopenComplaint(id: string, reason: string, idempotencyKey: string): Promise<Complaint> {
  return apiClient.request<Complaint>(`/api/v1/complaints/${encodeURIComponent(id)}/reopen`, { method: 'POST', body: { reason }, idempotencyKey })
}

const PHOTO_PATH = '/api/v1/complaints/photos'

interface RawResult {
  status: number
  body: unknown
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** weapp: wx.uploadFile sends the file as multipart/form-data; the bff reads the type from the bytes. */
function uploadWeapp(filePath: string, token: string, onProgress: (percent: number) => void): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: config.apiBase + PHOTO_PATH,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: 60_000,
      success: (res) => resolve({ status: res.statusCode, body: parse(res.data) }),
      fail: (err) => reject(networkError(err)),
    })
    task.onProgressUpdate((p) => onProgress(p.progress))
  })
}

/** H5: the chosen file is a blob: URL; its bytes go up as the request body, with progress from XHR. */
async function uploadH5(file: Blob | undefined, filePath: string, name: string, token: string, onProgress: (percent: number) => void): Promise<RawResult> {
  // the chosen File itself; fetching its blob: URL would be refused by the page's CSP (connect-src 'self')
  let blob: Blob
  try {
    blob = file ?? (await (await fetch(filePath)).blob())
  } catch (err) {
    throw networkError(err)
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', config.apiBase + PHOTO_PATH)
    xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Content-Type', blob.type || 'application/octet-stream')
    if (name) xhr.setRequestHeader('X-File-Name', encodeURIComponent(name))
    xhr.timeout = 60_000
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText) })
    xhr.onerror = () => reject(networkError(new Error('upload failed')))
    xhr.ontimeout = () => reject(networkError(new Error('upload timed out')))
    xhr.send(blob)
  })
}

/**
 * Uploads one photo (H5: pass the chosen File as `file`); `onProgress` gets 0–100. A 401 (the access token just expired) refreshes the session
 * through the regular client once and tries again.
 */
export async function uploadComplaintPhoto(
  photo: { path: string; name: string; file?: Blob },
  onProgress: (percent: number) => void,
): Promise<UploadedPhoto> {
  const send = (token: string) =>
    process.env.TARO_ENV === 'h5' ? uploadH5(photo.file, photo.path, photo.name, token, onProgress) : uploadWeapp(photo.path, token, onProgress)
  let res = await send(session.get()?.accessToken ?? '')
  if (res.status === 401) {
    await apiClient.request('/api/v1/me')
    res = await send(session.get()?.accessToken ?? '')
  }
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.body)
  return res.body as UploadedPhoto
}

/** weapp and H5 alike: Taro.downloadFile sends the Authorization header and gives a local path an <Image> can show. */
function downloadPhoto(url: string, token: string): Promise<{ status: number; path: string }> {
  return new Promise((resolve, reject) => {
    Taro.downloadFile({
      url,
      header: { Authorization: `Bearer ${token}` },
      timeout: 30_000,
      success: (res) => resolve({ status: res.statusCode, path: res.tempFilePath }),
      fail: (err) => reject(networkError(err)),
    })
  })
}

/**
 * A photo of one of my complaints, as a local path for <Image> and Taro.previewImage (an image URL cannot carry the
 * sign-in token, so the photo is downloaded with it). A 401 refreshes the session once and tries again.
 */
export async function complaintPhotoPath(id: string, photoId: string): Promise<string> {
  const url = `${config.apiBase}/api/v1/complaints/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`
  let res = await downloadPhoto(url, session.get()?.accessToken ?? '')
  if (res.status === 401) {
    await apiClient.request('/api/v1/me')
    res = await downloadPhoto(url, session.get()?.accessToken ?? '')
  }
  if (res.status !== 200) throw errorFromResponse(res.status, undefined)
  return res.path
}
