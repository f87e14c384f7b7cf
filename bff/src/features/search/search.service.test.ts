import type { Item, ItemSummary, ThemeSummary } from '@jsb/shared';
import { createSearchService } from './search.service';

const summary = (id: string, name: string, zoneName: string, department: string): ItemSummary => ({
  id,
  name,
  zoneId: 'z',
  zoneName,
  department,
  kind: '承诺件',
  statutoryDays: 30,
  promisedDays: 5,
  fee: 0,
  weekendBooking: false,
});
const ITEMS = [
  summary('BD01', '不动产转移登记（二手房买卖）', '不动产登记', '不动产登记中心'),
  summary('SS05', '食品经营许可证核发', '商事登记', '市场监督管理局'),
  summary('GA01', '居民身份证换领', '公安服务', '公安局'),
];
const KEYWORDS: Record<string, string[]> = { BD01: ['过户', '房产证', '交房即交证'], SS05: ['饭店', '餐饮'], GA01: ['身份证'] };
const THEMES: ThemeSummary[] = [{ id: 'T01', name: '我要开饭店', description: '开一家饭店需要的许可，一张清单。', itemIds: ['SS05'] }];

/** The catalog service as search reads it: cached values, one detail per item (the only place keywords are). */
function fakeCatalog(o: { failDetail?: Set<string> } = {}) {
  const calls = { items: 0, themes: 0, item: 0 };
  const cached = <T>(value: T) => ({ value, etag: 'W/"x"', json: JSON.stringify(value) });
  return {
    calls,
    items: async () => (calls.items++, cached({ items: ITEMS })),
    themes: async () => (calls.themes++, cached({ themes: THEMES })),
    item: async (id: string) => {
      calls.item++;
      if (o.failDetail?.has(id)) throw new Error('core down');
      return cached({ ...ITEMS.find((i) => i.id === id)!, keywords: KEYWORDS[id] ?? [] } as Item);
    },
  };
}

describe('search service', () => {
  it('answers themes first, then items, searching the keywords of each item’s detail', async () => {
    const catalog = fakeCatalog();
    const search = createSearchService({ catalog });
    const r = await search.search('开饭店');
    expect(r.themes.map((t) => t.id)).toEqual(['T01']);
    expect(r.items.map((i) => i.id)).toEqual(['SS05']);
    // 过户 is only a keyword of BD01
    expect((await search.search('过户')).items.map((i) => i.id)).toEqual(['BD01']);
  });

  it('builds the index once and keeps it, reading each item’s detail once', async () => {
    const catalog = fakeCatalog();
    const search = createSearchService({ catalog });
    await Promise.all([search.search('饭店'), search.search('身份证'), search.search('过户')]);
    expect(catalog.calls).toEqual({ items: 1, themes: 1, item: ITEMS.length });
  });

  it('answers without the keywords of an item it could not read, and builds again on the next search', async () => {
    const failDetail = new Set(['BD01']);
    const catalog = fakeCatalog({ failDetail });
    const search = createSearchService({ catalog });
    // 交房即交证 is only a keyword of BD01; its name still finds it
    expect((await search.search('交房即交证')).items).toEqual([]);
    expect((await search.search('不动产')).items.map((i) => i.id)).toEqual(['BD01']);
    failDetail.clear();
    expect((await search.search('交房即交证')).items.map((i) => i.id)).toEqual(['BD01']);
  });
});
