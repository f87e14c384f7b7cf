import type { Item, ItemSummary, ThemeSummary } from '@jsb/shared';
import { createTtlCache } from '../../http/cache';
import type { CatalogService } from '../catalog/catalog.service';
import { matchEntries, type SearchEntry, type SynonymGroup } from './match';
import { SEARCH_LIMITS, type SearchResponse } from './search.schema';
import { SYNONYMS } from './synonyms';

type Ref = { kind: 'theme'; theme: ThemeSummary } | { kind: 'item'; item: ItemSummary };

interface SearchIndex {
  entries: SearchEntry<Ref>[];
  /** some item's keywords could not be read: answer with what we have, build again next time */
  partial: boolean;
}

export interface SearchServiceDeps {
  catalog: Pick<CatalogService, 'items' | 'item' | 'themes'>;
  synonyms?: readonly SynonymGroup[];
  /** item details read at once while building the index */
  concurrency?: number;
  ttlMs?: number;
}

/** Runs `fn` over `list` with at most `limit` calls in flight, keeping the order. */
async function mapLimit<A, B>(list: readonly A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const out = new Array<B>(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      out[i] = await fn(list[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return out;
}

/**
 * 首页's search over the catalog. The index holds every item with the core's keywords (which only an item's detail
 * carries) and every theme; it is built from the catalog service's cache and kept as long as the catalog is.
 */
export function createSearchService(d: SearchServiceDeps) {
  const synonyms = d.synonyms ?? SYNONYMS;
  const cache = createTtlCache<SearchIndex>({ ttlMs: d.ttlMs ?? 300_000 });

  async function build(): Promise<SearchIndex> {
    const [items, themes] = await Promise.all([d.catalog.items({}), d.catalog.themes()]);
    let partial = false;
    const details = await mapLimit(items.value.items, d.concurrency ?? 8, async (it): Promise<Item | null> => {
      try {
        return (await d.catalog.item(it.id)).value;
      } catch {
        partial = true;
        return null;
      }
    });
    const themeEntries: SearchEntry<Ref>[] = themes.value.themes.map((t) => ({
      ref: { kind: 'theme', theme: t },
      name: t.name,
      aliases: [t.name.replace(/^我要/, '')],
      keywords: [],
      group: [],
      text: [t.description],
    }));
    const itemEntries: SearchEntry<Ref>[] = items.value.items.map((it, i) => ({
      ref: { kind: 'item', item: it },
      name: it.name,
      aliases: [],
      keywords: details[i]?.keywords ?? [],
      group: [it.zoneName, it.department],
      text: [],
    }));
    return { entries: [...themeEntries, ...itemEntries], partial };
  }

  return {
    async search(q: string): Promise<SearchResponse> {
      const index = (await cache.get('index', build)).value;
      if (index.partial) cache.invalidate('index');
      const { hits, alsoSearched } = matchEntries(q, index.entries, synonyms);
      const themes: ThemeSummary[] = [];
      const items: ItemSummary[] = [];
      for (const h of hits) {
        if (h.ref.kind === 'theme' && themes.length < SEARCH_LIMITS.themes) themes.push(h.ref.theme);
        if (h.ref.kind === 'item' && items.length < SEARCH_LIMITS.items) items.push(h.ref.item);
      }
      return { q, alsoSearched, themes, items };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
