import {
  hallListSchema,
  idParamSchema,
  itemListSchema,
  itemSchema,
  listItemsQuerySchema,
  listSlotsQuerySchema,
  slotListSchema,
  themeListSchema,
  themeSchema,
} from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { Cached } from '../../http/cache';
import type { CatalogService } from './catalog.service';

const CATALOG_CACHE = 'public, max-age=300';

export function catalogRoutes(t: RouteTable, catalog: CatalogService): void {
  t.add({
    method: 'get',
    path: '/api/v1/halls',
    operationId: 'listHalls',
    summary: '政务服务大厅（市为民服务中心与14个县级大厅）及其专区',
    tags: ['catalog'],
    auth: false,
    response: hallListSchema,
    cache: CATALOG_CACHE,
    handler: async ({ ctx }) => withEtag(ctx, await catalog.halls()),
  });
  t.add({
    method: 'get',
    path: '/api/v1/items',
    operationId: 'listItems',
    summary: '事项列表：按大厅、专区筛选或搜索',
    tags: ['catalog'],
    auth: false,
    query: listItemsQuerySchema,
    response: itemListSchema,
    cache: CATALOG_CACHE,
    errors: ['NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
    handler: async ({ ctx, query }) => withEtag(ctx, await catalog.items(query)),
  });
  t.add({
    method: 'get',
    path: '/api/v1/items/:id',
    operationId: 'getItem',
    summary: '事项详情：完整材料清单、法定与承诺时限、收费（一次告知）',
    tags: ['catalog'],
    auth: false,
    params: idParamSchema,
    response: itemSchema,
    cache: CATALOG_CACHE,
    handler: async ({ ctx, params }) => withEtag(ctx, await catalog.item(params.id)),
  });
  t.add({
    method: 'get',
    path: '/api/v1/themes',
    operationId: 'listThemes',
    summary: '一链办理主题（如我要开饭店）',
    tags: ['catalog'],
    auth: false,
    response: themeListSchema,
    cache: CATALOG_CACHE,
    handler: async ({ ctx }) => withEtag(ctx, await catalog.themes()),
  });
  t.add({
    method: 'get',
    path: '/api/v1/themes/:id',
    operationId: 'getTheme',
    summary: '一链办理主题详情：合并去重后的一张材料清单',
    tags: ['catalog'],
    auth: false,
    params: idParamSchema,
    response: themeSchema,
    cache: CATALOG_CACHE,
    handler: async ({ ctx, params }) => withEtag(ctx, await catalog.theme(params.id)),
  });
  t.add({
    method: 'get',
    path: '/api/v1/slots',
    operationId: 'listSlots',
    summary: '可预约时段：每天的类型（工作日/调休上班/周末/节假日）、时段类型与余号',
    tags: ['appointments'],
    auth: true,
    query: listSlotsQuerySchema,
    response: slotListSchema,
    cache: 'private, max-age=5',
    errors: ['NOT_FOUND', 'HALL_CLOSED', 'ITEM_NOT_AT_HALL', 'UPSTREAM_UNAVAILABLE'],
    handler: async ({ ctx, query }) => withEtag(ctx, await catalog.slots(query)),
  });
}

/** Hands the cached value's ETag to the route wrapper, which answers 304 when the client already has it. */
function withEtag<T>(ctx: { state: Record<string, unknown> }, cached: Cached<T>): T {
  ctx.state.etag = cached.etag;
  // route.ts answers with the cached entry's JSON as it is (the value is still checked against the response schema)
  ctx.state.json = cached.json;
  return cached.value;
}
