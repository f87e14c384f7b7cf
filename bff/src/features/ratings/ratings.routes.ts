import { caseNoParamSchema, caseRatingSchema, caseWords, hallIdParamSchema, hallStatsSchema, rateCaseRequestSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { RatingsService } from './ratings.service';

export function ratingRoutes(t: RouteTable, s: RatingsService): void {
  t.add({
    method: 'post',
    path: '/api/v1/cases/:caseNo/rating',
    operationId: 'rateCase',
    summary: `好差评：${caseWords().ratingWindow}一次（等级、与等级相符的标签、意见）；省系统暂不可用时先保存、稍后报送`,
    tags: ['ratings'],
    auth: true,
    params: caseNoParamSchema,
    body: rateCaseRequestSchema,
    response: caseRatingSchema,
    status: 201,
    idempotencyKey: true,
    errors: [
      'REAL_NAME_REQUIRED',
      'CASE_NOT_CLOSED',
      'ALREADY_RATED',
      'RATING_WINDOW_CLOSED',
      'TAG_NOT_FOR_LEVEL',
      'TAG_REQUIRED',
      'IDEMPOTENCY_CONFLICT',
      'UPSTREAM_UNAVAILABLE',
    ],
    handler: ({ auth, params, body, idempotencyKey }) => s.rate(auth, params.caseNo, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/cases/:caseNo/rating',
    operationId: 'getCaseRating',
    summary: '我的评价：省好差评系统回执或等待报送；差评的回访、整改进度和期限；追评',
    tags: ['ratings'],
    auth: true,
    params: caseNoParamSchema,
    response: caseRatingSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.view(auth, params.caseNo),
  });
  t.add({
    method: 'post',
    path: '/api/v1/cases/:caseNo/rating/follow-up',
    operationId: 'followUpRating',
    summary: '追评：差评经回访、整改反馈后可追评一次',
    tags: ['ratings'],
    auth: true,
    params: caseNoParamSchema,
    body: rateCaseRequestSchema,
    response: caseRatingSchema,
    status: 201,
    idempotencyKey: true,
    errors: ['REAL_NAME_REQUIRED', 'FOLLOW_UP_NOT_ALLOWED', 'TAG_NOT_FOR_LEVEL', 'TAG_REQUIRED', 'IDEMPOTENCY_CONFLICT', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params, body, idempotencyKey }) => s.followUp(auth, params.caseNo, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/halls/:hallId/rating-stats',
    operationId: 'getHallStats',
    summary: '大厅和窗口的好差评统计：满意率、差评数、整改率（不含评价人信息）',
    tags: ['ratings'],
    auth: false,
    params: hallIdParamSchema,
    response: hallStatsSchema,
    cache: 'public, max-age=60',
    errors: ['UPSTREAM_UNAVAILABLE'],
    handler: ({ params }) => s.stats(params.hallId),
  });
}
