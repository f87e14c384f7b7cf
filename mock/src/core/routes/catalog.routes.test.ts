import { DEFAULT_SLOT_RULES, hallSchema, itemSchema, themeSchema, type Item } from '@jsb/shared';
import { startCore, type CoreHarness } from '../testing';

describe('core catalog', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  describe('GET /core/v1/catalog/halls', () => {
    it('lists the city hall with 12 zones and the 14 county-level halls', async () => {
      const res = await core.call('GET', '/core/v1/catalog/halls');
      expect(res.status).toBe(200);
      const halls = res.body.halls;
      expect(halls).toHaveLength(15);
      for (const h of halls) expect(hallSchema.parse(h)).toEqual(h);
      const city = halls[0];
      expect(city.name).toBe('市为民服务中心');
      expect(city.zones.map((z: { name: string }) => z.name)).toEqual([
        '商事登记',
        '社会事务',
        '经贸交通',
        '基本建设',
        '公安服务',
        '公用事业',
        '惠企服务',
        '税务综合',
        '不动产登记',
        '公积金服务',
        '人社医保综合',
        '中介超市',
      ]);
      expect(halls.map((h: { shortName: string }) => h.shortName)).toEqual(expect.arrayContaining(['任城区', '太白湖新区', '经开区', '梁山县']));
      expect(halls.find((h: { id: string }) => h.id === 'rencheng').name).toBe('任城区为民服务中心');
      for (const county of halls.slice(1)) expect(county.zones.length).toBeGreaterThanOrEqual(6);
    });
  });

  describe('GET /core/v1/catalog/items', () => {
    it('holds at least 45 items over every zone, each a complete entry', async () => {
      const { body } = await core.call('GET', '/core/v1/catalog/items');
      expect(body.items.length).toBeGreaterThanOrEqual(45);
      expect(new Set(body.items.map((i: Item) => i.zoneId)).size).toBe(12);
      const full: Item[] = core.mock.state.catalog.items as Item[];
      for (const item of full) {
        expect(itemSchema.parse(item)).toEqual(item);
        expect(item.materials.length).toBeGreaterThan(0);
        expect(item.hallIds.length).toBeGreaterThan(0);
        // The seed's promise: promised limits at least 75 % shorter than the statutory ones.
        expect(item.promisedDays).toBeLessThanOrEqual(item.statutoryDays * 0.25);
      }
      expect(full.filter((i) => i.weekendBooking).length).toBeGreaterThanOrEqual(5);
      expect(full.filter((i) => i.kind === '即办件').length).toBeGreaterThanOrEqual(5);
      expect(full.find((i) => i.name.startsWith('不动产转移登记'))?.fee).toBe(8000);
    });

    it('finds items by keyword, and filters by hall and zone', async () => {
      const byKeyword = await core.call('GET', `/core/v1/catalog/items?q=${encodeURIComponent('饭店')}`);
      expect(byKeyword.body.items.map((i: Item) => i.name)).toEqual(expect.arrayContaining(['食品经营许可证核发', '公共场所卫生许可']));
      const zone = await core.call('GET', '/core/v1/catalog/items?hallId=city&zoneId=gongjijin');
      expect(zone.body.items.length).toBe(4);
      expect(zone.body.items.every((i: Item) => i.zoneId === 'gongjijin')).toBe(true);
      // 中介超市 exists only at the city hall.
      const county = await core.call('GET', '/core/v1/catalog/items?hallId=weishan');
      expect(county.body.items.some((i: Item) => i.zoneId === 'zhongjie')).toBe(false);
      expect(county.body.items.length).toBeGreaterThan(20);
    });

    it('answers 404 HALL_NOT_FOUND for an unknown hall', async () => {
      const res = await core.call('GET', '/core/v1/catalog/items?hallId=nowhere');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'HALL_NOT_FOUND', message: expect.any(String) });
    });
  });

  describe('GET /core/v1/catalog/items/:itemId', () => {
    it('answers the full item with its materials, zone and the halls that take it', async () => {
      const res = await core.call('GET', '/core/v1/catalog/items/SS05');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: 'SS05',
        name: '食品经营许可证核发',
        zoneId: 'shangshi',
        zoneName: '商事登记',
        kind: '承诺件',
        statutoryDays: 20,
        promisedDays: 3,
      });
      expect(res.body.hallIds).toHaveLength(15);
      expect(res.body.materials[0]).toEqual({ name: '食品经营许可证核发申请表', form: '原件', count: 1, required: true, note: expect.any(String) });
    });

    it('answers 404 ITEM_NOT_FOUND for an unknown item', async () => {
      const res = await core.call('GET', '/core/v1/catalog/items/XX99');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ITEM_NOT_FOUND');
    });
  });

  describe('GET /core/v1/catalog/themes', () => {
    it('lists at least three bundles', async () => {
      const { body } = await core.call('GET', '/core/v1/catalog/themes');
      expect(body.themes.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['我要开饭店', '我要开幼儿园', '我要开药店']));
    });

    it('merges 我要开饭店 into one checklist where a shared material appears once, naming every item', async () => {
      const res = await core.call('GET', '/core/v1/catalog/themes/T01');
      expect(res.status).toBe(200);
      const theme = themeSchema.parse(res.body);
      expect(theme.items).toHaveLength(7);
      const names = theme.materials.map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
      const license = theme.materials.find((m) => m.name === '营业执照');
      expect(license?.forItems.map((i) => i.name)).toEqual(
        expect.arrayContaining(['食品经营许可证核发', '公共场所卫生许可', '公众聚集场所投入使用营业前消防安全检查']),
      );
      const premises = theme.materials.find((m) => m.name.startsWith('经营场所使用证明'));
      expect(premises?.forItems.map((i) => i.id)).toEqual(['SS01', 'SS05', 'JS05', 'GY03']);
      const total = theme.items.reduce((n, i) => n + (core.mock.state.catalog.getItem(i.id)?.materials.length ?? 0), 0);
      expect(theme.materials.length).toBeLessThan(total);
      // Required materials come before optional ones.
      const firstOptional = theme.materials.findIndex((m) => !m.required && !m.producedBy);
      expect(theme.materials.slice(firstOptional).every((m) => !m.required)).toBe(true);
    });

    it('marks what an earlier step makes, and keeps each agency its own application form', async () => {
      const theme = themeSchema.parse((await core.call('GET', '/core/v1/catalog/themes/T01')).body);
      // step 1 (个体工商户设立登记) issues the 营业执照 that steps 2, 3 and 4 ask for
      expect(theme.materials.find((m) => m.name === '营业执照')?.producedBy).toEqual({ id: 'SS01', name: '个体工商户设立登记', step: 1 });
      expect(theme.materials.find((m) => m.name === '申请人居民身份证')?.producedBy).toBeUndefined();
      const forms = theme.materials.filter((m) => m.name.endsWith('申请表'));
      expect(forms.length).toBeGreaterThan(1);
      expect(forms.every((m) => m.forItems.length === 1)).toBe(true);
      expect(forms.map((m) => m.name)).toEqual(expect.arrayContaining(['个体工商户设立登记申请表', '食品经营许可证核发申请表']));
      // what to prepare comes first, what earlier steps make after it
      const firstMade = theme.materials.findIndex((m) => m.producedBy);
      expect(theme.materials.slice(0, firstMade).every((m) => m.required && !m.producedBy)).toBe(true);
    });

    it('answers 404 THEME_NOT_FOUND for an unknown theme', async () => {
      const res = await core.call('GET', '/core/v1/catalog/themes/T99');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('THEME_NOT_FOUND');
    });
  });

  it('uses the default slot rules from PRODUCT.md', () => {
    expect(core.mock.state.booking.rules).toBe(DEFAULT_SLOT_RULES);
  });
});
