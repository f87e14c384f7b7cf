import type { Hall, Item, ItemSummary, Material, MergedMaterial, Theme, ThemeSummary } from '@jsb/shared';
import { CoreError } from './errors';
import { CITY_HALL_ID, HALLS, zoneName } from './seed/halls';
import type { ItemSeed } from './seed/item-seed';
import { BUSINESS_ITEMS } from './seed/items-business';
import { PEOPLE_ITEMS } from './seed/items-people';
import { PROPERTY_ITEMS } from './seed/items-property';
import { THEMES, type ThemeSeed } from './seed/themes';

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
    materials: seed.materials,
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
 * One checklist for a theme: materials are the same when their names are (the seed writes shared
 * ones once, in seed/materials.ts). A merged line asks for the largest count, is required if any
 * item requires it, and names every item that uses it.
 */
export function mergeMaterials(items: readonly Item[]): MergedMaterial[] {
  const byName = new Map<string, MergedMaterial>();
  for (const item of items) {
    for (const m of item.materials) {
      const seen = byName.get(m.name);
      if (!seen) {
        byName.set(m.name, { ...m, forItems: [{ id: item.id, name: item.name }] });
        continue;
      }
      seen.form = mergeForm(seen.form, m.form);
      seen.count = Math.max(seen.count, m.count);
      seen.required = seen.required || m.required;
      if (!seen.note && m.note) seen.note = m.note;
      if (!seen.forItems.some((f) => f.id === item.id)) seen.forItems.push({ id: item.id, name: item.name });
    }
  }
  // Required first, then in the order the items ask for them.
  return [...byName.values()].sort((a, b) => Number(b.required) - Number(a.required));
}

export function createCatalog(seeds: readonly ItemSeed[] = [...BUSINESS_ITEMS, ...PEOPLE_ITEMS, ...PROPERTY_ITEMS], themeSeeds: readonly ThemeSeed[] = THEMES): Catalog {
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
      return { id: seed.id, name: seed.name, description: seed.description, itemIds: [...seed.itemIds], items: list.map(toSummary), materials: mergeMaterials(list) };
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
