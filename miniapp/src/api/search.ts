import type { ItemSummary, ThemeSummary } from '@jsb/shared';
import { api } from './index';

/**
 * GET /api/v1/search: the bff searches items and 一链办理 themes with its synonym table and typo tolerance
 * (bff/src/features/search). This mirrors its searchResponseSchema until shared/ holds that envelope; the parts are
 * shared/'s own types.
 */
export interface SearchResult {
  q: string;
  /** the catalog's words the query was also searched as (房产证 → 不动产) */
  alsoSearched: string[];
  themes: ThemeSummary[];
  items: ItemSummary[];
}

export function searchCatalog(q: string): Promise<SearchResult> {
  return api.request<SearchResult>('/api/v1/search', { query: { q }, auth: false });
}
