import type { RouteTable } from '../../http/route';
import { createSearchService, type SearchServiceDeps } from './search.service';
import { searchQuerySchema, searchResponseSchema } from './search.schema';

/** Registers GET /api/v1/search over the catalog (app.ts: one line). */
export function searchRoutes(t: RouteTable, deps: SearchServiceDeps): void {
  const search = createSearchService(deps);
  t.add({
    method: 'get',
    path: '/api/v1/search',
    operationId: 'search',
    summary: '搜索事项和一链办理主题：同义词（房产证→不动产）和错字（开饭点→开饭店）也能找到',
    tags: ['catalog'],
    auth: false,
    query: searchQuerySchema,
    response: searchResponseSchema,
    // the answer follows the catalog, which every instance keeps for 5 minutes
    cache: 'public, max-age=300',
    errors: ['UPSTREAM_UNAVAILABLE'],
    handler: ({ query }) => search.search(query.q),
  });
}
