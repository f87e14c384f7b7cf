import { z } from 'zod';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';

const itemsQuery = z.object({
  hallId: z.string().optional(),
  zoneId: z.string().optional(),
  q: z.string().max(50, '搜索词不超过50个字').optional(),
});

/** 事项目录: halls and their zones, items with their materials, themed bundles (一链办理). */
export const catalogFeature: CoreFeature = {
  name: 'catalog',

  routes(router, { state }) {
    router.get('/catalog/halls', (ctx) => {
      ctx.body = { halls: state.catalog.halls };
    });

    router.get('/catalog/items', (ctx) => {
      ctx.body = { items: state.catalog.findItems(parseInput(itemsQuery, ctx.query)) };
    });

    router.get('/catalog/items/:itemId', (ctx) => {
      ctx.body = state.catalog.ensureItem(ctx.params.itemId ?? '');
    });

    router.get('/catalog/themes', (ctx) => {
      ctx.body = { themes: state.catalog.themes };
    });

    router.get('/catalog/themes/:themeId', (ctx) => {
      ctx.body = state.catalog.ensureTheme(ctx.params.themeId ?? '');
    });
  },
};
