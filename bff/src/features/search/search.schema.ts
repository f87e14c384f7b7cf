import { z } from 'zod';
import { itemSummarySchema, themeSummarySchema } from '@jsb/shared';

/*
 * GET /api/v1/search. The answer is made of the catalog's own shapes (shared/); the envelope lives here until
 * shared/ takes it (the mini-program mirrors it in miniapp/src/api/search.ts).
 */
export const SEARCH_LIMITS = { themes: 4, items: 20, queryMax: 40 } as const;

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, '请输入要办的事，如 开饭店、房产证').max(SEARCH_LIMITS.queryMax, `搜索词不超过${SEARCH_LIMITS.queryMax}个字`),
});

export const searchResponseSchema = z.object({
  /** the query as searched (trimmed) */
  q: z.string(),
  /** the catalog's words the query was also searched as (房产证 → 不动产), for "也按…查找" */
  alsoSearched: z.array(z.string()),
  /** 一链办理 themes first: one answer for several items */
  themes: z.array(themeSummarySchema),
  items: z.array(itemSummarySchema),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
