import type { Material } from '@jsb/shared';
import type { ZoneId } from './halls';

/** One 事项 as written in the seed; catalog.domain.ts derives the wire shapes. */
export interface ItemSeed {
  id: string;
  name: string;
  zoneId: ZoneId;
  department: string;
  statutoryDays: number;
  /** At most a quarter of statutoryDays (the seed: promised limits ≥ 75 % shorter); 0 = 当场办结. */
  promisedDays: number;
  /** Fen. */
  fee?: number;
  feeNote?: string;
  weekendBooking?: boolean;
  /** Handled only at the city hall (not at the county halls, even where the zone exists). */
  cityOnly?: boolean;
  keywords?: string[];
  description: string;
  conditions: string[];
  materials: Material[];
  /** what the item results in, named as other items' material lists name it (一链办理: a later step needs it) */
  produces?: string[];
}
