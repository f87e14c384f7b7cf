import {
  COMPLAINT_RULES,
  complaintListSchema,
  complaintPhotoParamSchema,
  complaintSchema,
  complaintWords,
  createComplaintRequestSchema,
  idParamSchema,
  rateComplaintReplyRequestSchema,
  reopenComplaintRequestSchema,
  uploadedPhotoSchema,
} from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { ComplaintsService } from './complaints.service';
import { photoTooLarge } from './photos';

export function complaintRoutes(t: RouteTable, s: ComplaintsService): void {
  t.add({
    method: 'post',
    path: '/api/v1/complaints/photos',
    operationId: 'uploadComplaintPhoto',
    summary: `上传一张找茬照片：请求体是图片本身（Content-Type: image/jpeg|png|webp 或 application/octet-stream，文件名可放在 X-File-Name），或 multipart/form-data 中的一个文件（wx.uploadFile）。类型按内容判断，${complaintWords().photoMax}；照片重新编码，位置等元数据全部去除。`,
    tags: ['complaints'],
    auth: true,
    response: uploadedPhotoSchema,
    status: 201,
    // the image itself, not JSON (up to the rule's size); the JSON parser and its small limit stay for every other route
    rawBody: {
      types: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream', 'multipart/form-data'],
      maxBytes: COMPLAINT_RULES.photoMaxBytes,
      tooLarge: photoTooLarge,
    },
    errors: ['REAL_NAME_REQUIRED', 'PHOTO_TYPE_NOT_ALLOWED', 'PHOTO_TOO_LARGE', 'PHOTO_UNREADABLE', 'RATE_LIMITED'],
    handler: ({ auth, raw }) => s.uploadPhoto(auth, raw),
  });
  t.add({
    method: 'post',
    path: '/api/v1/complaints',
    operationId: 'createComplaint',
    summary: `提交找茬（${complaintWords().photosMax}，须已上传）；政务系统暂时无法连接时先排队，恢复后自动转交且只转交一次；带 Idempotency-Key 的重复提交只算一次`,
    tags: ['complaints'],
    auth: true,
    body: createComplaintRequestSchema,
    response: complaintSchema,
    status: 201,
    idempotencyKey: true,
    errors: ['REAL_NAME_REQUIRED', 'TOO_MANY_PHOTOS', 'PHOTO_NOT_FOUND', 'COMPLAINT_DAILY_LIMIT', 'IDEMPOTENCY_CONFLICT'],
    handler: ({ auth, body, idempotencyKey }) => s.create(auth, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/complaints',
    operationId: 'listMyComplaints',
    summary: '我的找茬（新的在前），含等待转交的；每条带答复期限和是否超时',
    tags: ['complaints'],
    auth: true,
    response: complaintListSchema,
    errors: ['REAL_NAME_REQUIRED'],
    handler: ({ auth }) => s.list(auth),
  });
  t.add({
    method: 'get',
    path: '/api/v1/complaints/:id',
    operationId: 'getComplaint',
    summary: '找茬详情：时间线、签收和答复期限、是否超时、答复、评价和重新办理',
    tags: ['complaints'],
    auth: true,
    params: idParamSchema,
    response: complaintSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.get(auth, params.id),
  });
  t.add({
    method: 'get',
    path: '/api/v1/complaints/:id/photos/:photoId',
    operationId: 'getComplaintPhoto',
    summary: '查看自己找茬中的一张照片（重新编码、已去除位置等元数据的那份）',
    tags: ['complaints'],
    auth: true,
    params: complaintPhotoParamSchema,
    response: null,
    file: ['image/jpeg', 'image/png', 'image/webp'],
    // a photo never changes; only its owner may read it, so only the phone keeps it
    cache: 'private, max-age=86400',
    errors: ['REAL_NAME_REQUIRED'],
    handler: ({ auth, params }) => s.photo(auth, params.id, params.photoId),
  });
  t.add({
    method: 'post',
    path: '/api/v1/complaints/:id/rating',
    operationId: 'rateComplaintReply',
    summary: '评价答复：满意、基本满意、不满意（每次答复评价一次）',
    tags: ['complaints'],
    auth: true,
    params: idParamSchema,
    body: rateComplaintReplyRequestSchema,
    response: complaintSchema,
    errors: ['REAL_NAME_REQUIRED', 'COMPLAINT_NOT_REPLIED', 'COMPLAINT_ALREADY_RATED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params, body }) => s.rate(auth, params.id, body),
  });
  t.add({
    method: 'post',
    path: '/api/v1/complaints/:id/reopen',
    operationId: 'reopenComplaint',
    summary: `问题没有解决：${complaintWords().reopen}`,
    tags: ['complaints'],
    auth: true,
    params: idParamSchema,
    body: reopenComplaintRequestSchema,
    response: complaintSchema,
    errors: ['REAL_NAME_REQUIRED', 'REOPEN_NOT_ALLOWED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params, body }) => s.reopen(auth, params.id, body.reason),
  });
}
