import {
  caseListSchema,
  caseNoParamSchema,
  caseSchema,
  caseWords,
  lookupCaseRequestSchema,
  mailingSchema,
  maskedCaseSchema,
  requestMailingSchema,
} from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { CasesService } from './cases.service';

export function caseRoutes(t: RouteTable, s: CasesService): void {
  t.add({
    method: 'get',
    path: '/api/v1/cases',
    operationId: 'listMyCases',
    summary: '我的办件（新的在前），含状态和工作日倒计时',
    tags: ['cases'],
    auth: true,
    response: caseListSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth }) => s.list(auth),
  });
  // declared before /cases/:caseNo so "lookup" is never read as a case number
  t.add({
    method: 'post',
    path: '/api/v1/cases/lookup',
    operationId: 'lookupCase',
    summary: `凭办件编号和6位查询码查询进度（无需登录）；脱敏视图；${caseWords().lookupLimit}`,
    tags: ['cases'],
    auth: false,
    body: lookupCaseRequestSchema,
    response: maskedCaseSchema,
    errors: ['LOOKUP_CODE_WRONG', 'TOO_MANY_ATTEMPTS', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ body, ctx }) => s.lookup(body, ctx.ip || 'unknown'),
  });
  t.add({
    method: 'get',
    path: '/api/v1/cases/:caseNo',
    operationId: 'getCase',
    summary: '办件详情：时间线（环节、部门、时间、暂停）、承诺和法定时限的工作日倒计时、邮寄',
    tags: ['cases'],
    auth: true,
    params: caseNoParamSchema,
    response: caseSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.get(auth, params.caseNo),
  });
  t.add({
    method: 'post',
    path: '/api/v1/cases/:caseNo/mailing',
    operationId: 'requestMailing',
    summary: '申请免费邮寄办理结果（收件人、手机、省市区、详细地址）；带 Idempotency-Key 的重复提交只申请一次',
    tags: ['cases'],
    auth: true,
    params: caseNoParamSchema,
    body: requestMailingSchema,
    response: mailingSchema,
    status: 201,
    idempotencyKey: true,
    errors: ['REAL_NAME_REQUIRED', 'MAILING_NOT_AVAILABLE', 'IDEMPOTENCY_CONFLICT', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params, body, idempotencyKey }) => s.requestMailing(auth, params.caseNo, body.address, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/cases/:caseNo/mailing',
    operationId: 'getMailing',
    summary: '邮寄信息和EMS物流轨迹',
    tags: ['cases'],
    auth: true,
    params: caseNoParamSchema,
    response: mailingSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.mailing(auth, params.caseNo),
  });
}
