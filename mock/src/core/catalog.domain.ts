import type { Hall, Item, ItemSummary, Material, MergedMaterial, Theme, ThemeSummary } from '@jsb/shared';
import { CoreError } from './errors';
import { CITY_HALL_ID, HALLS, zoneName } from './seed/halls';
import type { ItemSeed } from './seed/item-seed';
import { BUSINESS_ITEMS } from './seed/items-business';
import { PEOPLE_ITEMS } from './seed/items-people';
import { PROPERTY_ITEMS } from './seed/items-property';
import { THEMES, type ThemeSeed } from './seed/themes';
import { M } from './seed/materials';

/** The read-only catalog: halls, items and themes, indexed once. */
export interface Catalog {
  halls: readonly Hall[];
  items: readonly Item[];
  themes: readonly ThemeSummary[];
  getHall(id: string): Hall | undefined;
  getItem(id: string): Item | undefined;
  ensureHall(id: string): Hall;
  ensureItem(id: string): Item;
  ensureTheme(id: string): Theme;
  findItems(filter: { hallId?: string; zoneId?: string; q?: string }): ItemSummary[];
}

export const hallNotFound = (): CoreError => new CoreError(404, 'HALL_NOT_FOUND', '没有找到该服务中心，请返回重新选择');
export const itemNotFound = (): CoreError => new CoreError(404, 'ITEM_NOT_FOUND', '没有找到该事项，请返回重新搜索');

function hallIdsFor(seed: ItemSeed): string[] {
  return HALLS.filter((h) => h.zones.some((z) => z.id === seed.zoneId) && (!seed.cityOnly || h.id === CITY_HALL_ID)).map((h) => h.id);
}

function toItem(seed: ItemSeed): Item {
  return {
    id: seed.id,
    name: seed.name,
    zoneId: seed.zoneId,
    zoneName: zoneName(seed.zoneId) ?? seed.zoneId,
    department: seed.department,
    kind: seed.promisedDays === 0 ? '即办件' : '承诺件',
    statutoryDays: seed.statutoryDays,
    promisedDays: seed.promisedDays,
    fee: seed.fee ?? 0,
    weekendBooking: seed.weekendBooking ?? false,
    description: seed.description,
    conditions: seed.conditions,
    // the generic 申请表 is each agency's own form: named after the item, so a theme's checklist keeps one per item
    materials: seed.materials.map((m) => (m.name === M.applicationForm.name ? { ...m, name: `${seed.name}申请表` } : m)),
    ...(seed.feeNote ? { feeNote: seed.feeNote } : {}),
    keywords: seed.keywords ?? [],
    hallIds: hallIdsFor(seed),
  };
}

export function toSummary(item: Item): ItemSummary {
  const { id, name, zoneId, zoneName: zn, department, kind, statutoryDays, promisedDays, fee, weekendBooking } = item;
  return { id, name, zoneId, zoneName: zn, department, kind, statutoryDays, promisedDays, fee, weekendBooking };
}

/** Two forms of one material merge into the stricter ask: a window that needs both gets both. */
function mergeForm(a: Material['form'], b: Material['form']): Material['form'] {
  return a === b ? a : '原件及复印件';
}

/**
 * One checklist for a theme, its items taken in order as steps: materials are the same when their names are (the
 * seed writes shared ones once, in seed/materials.ts). A merged line asks for the largest count, is required if any
 * item requires it, and names every item that uses it. A material an earlier step results in (营业执照 after 个体工商户
 * 设立登记) says so: the citizen has nothing to prepare for it.
 */
export function mergeMaterials(items: readonly Item[], produces: (id: string) => readonly string[] = () => []): MergedMaterial[] {
  const byName = new Map<string, MergedMaterial>();
  const madeBy = new Map<string, { id: string; name: string; step: number }>();
  items.forEach((item, i) => {
    for (const m of item.materials) {
      const seen = byName.get(m.name);
      const producedBy = madeBy.get(m.name);
      if (!seen) {
        byName.set(m.name, { ...m, forItems: [{ id: item.id, name: item.name }], ...(producedBy ? { producedBy } : {}) });
      } else {
        seen.form = mergeForm(seen.form, m.form);
        seen.count = Math.max(seen.count, m.count);
        seen.required = seen.required || m.required;
        if (!seen.note && m.note) seen.note = m.note;
        if (!seen.forItems.some((f) => f.id === item.id)) seen.forItems.push({ id: item.id, name: item.name });
        // needed before the step that makes it: the citizen must bring it after all
        if (!producedBy) delete seen.producedBy;
      }
    }
    for (const name of produces(item.id)) if (!madeBy.has(name)) madeBy.set(name, { id: item.id, name: item.name, step: i + 1 });
  });
  // To prepare first (required, not made along the way), then what earlier steps make, then the optional ones.
  const rank = (m: MergedMaterial) => (m.producedBy ? 1 : m.required ? 0 : 2);
  return [...byName.values()].sort((a, b) => rank(a) - rank(b));
}

export function createCatalog(
  seeds: readonly ItemSeed[] = [...BUSINESS_ITEMS, ...PEOPLE_ITEMS, ...PROPERTY_ITEMS],
  themeSeeds: readonly ThemeSeed[] = THEMES,
): Catalog {
  const halls = new Map(HALLS.map((h) => [h.id, h]));
  const items = new Map(seeds.map((s) => [s.id, toItem(s)]));
  const themes = new Map(themeSeeds.map((t) => [t.id, t]));
  for (const t of themeSeeds) {
    for (const id of t.itemIds) if (!items.has(id)) throw new Error(`theme ${t.id} lists unknown item ${id}`);
  }

  const catalog: Catalog = {
    halls: [...halls.values()],
    items: [...items.values()],
    themes: themeSeeds.map(({ id, name, description, itemIds }) => ({ id, name, description, itemIds: [...itemIds] })),
    getHall: (id) => halls.get(id),
    getItem: (id) => items.get(id),
    ensureHall(id) {
      const hall = halls.get(id);
      if (!hall) throw hallNotFound();
      return hall;
    },
    ensureItem(id) {
      const item = items.get(id);
      if (!item) throw itemNotFound();
      return item;
    },
    ensureTheme(id) {
      const seed = themes.get(id);
      if (!seed) throw new CoreError(404, 'THEME_NOT_FOUND', '没有找到该主题，请返回重新选择');
      const list = seed.itemIds.map((i) => catalog.ensureItem(i));
      const producesOf = (itemId: string) => seeds.find((x) => x.id === itemId)?.produces ?? [];
      return {
        id: seed.id,
        name: seed.name,
        description: seed.description,
        itemIds: [...seed.itemIds],
        items: list.map(toSummary),
        materials: mergeMaterials(list, producesOf),
      };
    },
    findItems({ hallId, zoneId, q }) {
      if (hallId !== undefined) catalog.ensureHall(hallId);
      const needle = q?.trim().toLowerCase();
      return catalog.items
        .filter((i) => hallId === undefined || i.hallIds.includes(hallId))
        .filter((i) => zoneId === undefined || i.zoneId === zoneId)
        .filter((i) => !needle || i.name.toLowerCase().includes(needle) || i.keywords.some((k) => k.toLowerCase().includes(needle)))
        .map(toSummary);
    },
  };
  return catalog;
}
