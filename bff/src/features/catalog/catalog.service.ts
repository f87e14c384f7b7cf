import { addDays, shanghaiDate, type SlotsResponse } from '@jsb/shared';
import { AppError } from '../../http/errors';
import { createTtlCache, type Cached } from '../../http/cache';
import type { CoreBookingClient } from '../../clients/core-booking.client';

export interface CatalogServiceDeps {
  core: CoreBookingClient;
  clock: () => Date;
  catalogTtlMs?: number;
  slotsTtlMs?: number;
}

/** Catalog and slot lists: read-mostly, cached briefly per instance; the core stays the source of truth. */
export function createCatalogService(d: CatalogServiceDeps) {
  const catalog = createTtlCache<unknown>({ ttlMs: d.catalogTtlMs ?? 300_000 });
  const slots = createTtlCache<SlotsResponse>({ ttlMs: d.slotsTtlMs ?? 5_000 });

  const cached = <T>(key: string, load: () => Promise<T>) => catalog.get(key, load) as Promise<Cached<T>>;

  return {
    halls: () => cached('halls', () => d.core.halls()),
    items: (q: { hallId?: string; zoneId?: string; q?: string }) => cached(`items:${q.hallId ?? ''}:${q.zoneId ?? ''}:${q.q ?? ''}`, () => d.core.items(q)),
    item: (id: string) => cached(`item:${id}`, () => d.core.item(id)),
    themes: () => cached('themes', () => d.core.themes()),
    theme: (id: string) => cached(`theme:${id}`, () => d.core.theme(id)),

    async slots(q: { hallId: string; zoneId?: string; itemId?: string; from?: string; to?: string }): Promise<Cached<SlotsResponse>> {
      const today = shanghaiDate(d.clock());
      const from = q.from ?? today;
      const to = q.to ?? addDays(from, 7);
      if (to < from) throw new AppError('VALIDATION_FAILED', { message: '结束日期早于开始日期。', hint: '请重新选择日期范围。' });
      const key = `${q.hallId}:${q.zoneId ?? ''}:${q.itemId ?? ''}:${from}:${to}`;
      return slots.get(key, () => d.core.slots({ hallId: q.hallId, zoneId: q.zoneId, itemId: q.itemId, from, to }));
    },

    /** after a booking changes seats in a hall, this instance stops serving its stale slot lists */
    seatsChanged(hallId: string): void {
      slots.invalidate(`${hallId}:`);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
