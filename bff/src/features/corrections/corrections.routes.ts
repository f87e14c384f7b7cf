import {
  CORRECTION_RULES,
  caseNoParamSchema,
  correctionFileParamSchema,
  correctionFileSchema,
  correctionMaterialParamSchema,
  correctionSchema,
  correctionWords,
} from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { CorrectionsService } from './corrections.service';
import { fileTooLarge } from './files';

export function correctionRoutes(t: RouteTable, s: CorrectionsService): void {
  t.add({
    method: 'get',
    path: '/api/v1/cases/:caseNo/correction',
    operationId: 'getCorrection',
    summary: '补正：每项缺少的材料（名称、原因、份数、原件或复印件）、期限（工作日，按规定计算）、可去补交的窗口、已上传的文件、审核结果和下一步',
    tags: ['cases'],
    auth: true,
    params: caseNoParamSchema,
    response: correctionSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    handler: ({ auth, params }) => s.get(auth, params.caseNo),
  });
  t.add({
    method: 'post',
    path: '/api/v1/cases/:caseNo/correction/materials/:materialId/files',
    operationId: 'uploadCorrectionFile',
    summary: `为一项补正材料上传一个文件（一页照片或一个PDF；${correctionWords().maxFiles}）：请求体是文件本身（Content-Type: image/jpeg|png|webp、application/pdf 或 application/octet-stream，文件名可放在 X-File-Name），或 multipart/form-data 中的一个文件（wx.uploadFile）。类型按内容判断，${correctionWords().fileMax}；照片重新编码、PDF去除作者和时间等元数据，位置信息全部去除。`,
    tags: ['cases'],
    auth: true,
    params: correctionMaterialParamSchema,
    response: correctionFileSchema,
    status: 201,
    // the file itself, not JSON: a body declared larger than any file is refused before sign-in, as the JSON limit is
    rawBody: {
      types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/octet-stream', 'multipart/form-data'],
      maxBytes: CORRECTION_RULES.fileMaxBytes,
      tooLarge: fileTooLarge,
    },
    errors: [
      'REAL_NAME_REQUIRED',
      'CORRECTION_NOT_OPEN',
      'CORRECTION_OVERDUE',
      'FILE_TYPE_NOT_ALLOWED',
      'FILE_TOO_LARGE',
      'FILE_UNREADABLE',
      'TOO_MANY_FILES',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_TIMEOUT',
    ],
    handler: ({ auth, params, raw }) => s.upload(auth, params.caseNo, params.materialId, raw),
  });
  t.add({
    method: 'get',
    path: '/api/v1/cases/:caseNo/correction/materials/:materialId/files/:fileId',
    operationId: 'getCorrectionFile',
    summary: '查看自己上传的一个补正文件（已去除元数据的那份）',
    tags: ['cases'],
    auth: true,
    params: correctionFileParamSchema,
    response: null,
    file: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    // a file never changes; only its owner may read it, so only the phone keeps it
    cache: 'private, max-age=86400',
    handler: ({ auth, params }) => s.file(auth, params.caseNo, params.materialId, params.fileId),
  });
  t.add({
    method: 'delete',
    path: '/api/v1/cases/:caseNo/correction/materials/:materialId/files/:fileId',
    operationId: 'deleteCorrectionFile',
    summary: '删除一个还没有提交的补正文件（拍得不清楚的页）；返回补正的最新情况',
    tags: ['cases'],
    auth: true,
    params: correctionFileParamSchema,
    response: correctionSchema,
    errors: ['REAL_NAME_REQUIRED', 'CORRECTION_NOT_OPEN', 'CORRECTION_OVERDUE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    handler: ({ auth, params }) => s.remove(auth, params.caseNo, params.materialId, params.fileId),
  });
  t.add({
    method: 'post',
    path: '/api/v1/cases/:caseNo/correction/submissions',
    operationId: 'submitCorrection',
    summary:
      '提交补正：每项材料至少一个文件；提交后显示“已补交，等待审核”；政务系统暂时无法连接时先排队（queued），恢复后自动转交且只转交一次；带 Idempotency-Key 的重复提交只算一次',
    tags: ['cases'],
    auth: true,
    params: caseNoParamSchema,
    response: correctionSchema,
    idempotencyKey: true,
    errors: [
      'REAL_NAME_REQUIRED',
      'CORRECTION_NOT_OPEN',
      'CORRECTION_OVERDUE',
      'MATERIAL_MISSING',
      'IDEMPOTENCY_CONFLICT',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_TIMEOUT',
    ],
    handler: ({ auth, params, idempotencyKey }) => s.submit(auth, params.caseNo, idempotencyKey),
  });
}
