import { z } from 'zod';

/**
 * The catalog as the core systems publish it (GET /core/v1/catalog/*). The bff may serve the
 * same shapes on its own API. Money is in fen (分); time limits in working days.
 */
export const MATERIAL_FORMS = ['原件', '复印件', '原件及复印件', '电子件'] as const;
export const materialFormSchema = z.enum(MATERIAL_FORMS);
export type MaterialForm = z.infer<typeof materialFormSchema>;

export const materialSchema = z.object({
  name: z.string(),
  form: materialFormSchema,
  count: z.number().int().min(1),
  required: z.boolean(),
  note: z.string().optional(),
});
export type Material = z.infer<typeof materialSchema>;

export const hallZoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Offers 周末/节假日 09:00–12:00 by appointment. */
  weekendService: z.boolean(),
  /** Offers 错时延时 12:00–13:30 and 17:00–19:00 by appointment. */
  afterHoursService: z.boolean(),
});
export type HallZone = z.infer<typeof hallZoneSchema>;

export const hallSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** The county-level district the hall serves: '济宁市' for the city hall. */
  county: z.string(),
  address: z.string(),
  phone: z.string(),
  hours: z.string(),
  zones: z.array(hallZoneSchema),
});
export type Hall = z.infer<typeof hallSchema>;

/** 即办件: done on the spot (promised 0 days); 承诺件: done within the promised working days. */
export const itemKindSchema = z.enum(['即办件', '承诺件']);

export const itemSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  /** 实施主体: the department that decides. */
  department: z.string(),
  kind: itemKindSchema,
  statutoryDays: z.number().int().min(0),
  /** 0 = 当场办结. */
  promisedDays: z.number().int().min(0),
  /** In fen; 0 = 不收费. */
  fee: z.number().int().min(0),
  weekendBooking: z.boolean(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemSchema = itemSummarySchema.extend({
  description: z.string(),
  conditions: z.array(z.string()),
  materials: z.array(materialSchema),
  feeNote: z.string().optional(),
  keywords: z.array(z.string()),
  /** The halls where this item can be booked. */
  hallIds: z.array(z.string()),
});
export type Item = z.infer<typeof itemSchema>;

export const themeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  itemIds: z.array(z.string()),
});
export type ThemeSummary = z.infer<typeof themeSummarySchema>;

/** One line of a theme's merged checklist: a material two items both need appears once. */
export const mergedMaterialSchema = materialSchema.extend({
  forItems: z.array(z.object({ id: z.string(), name: z.string() })),
  /** a material an earlier step of the theme results in (营业执照 after 设立登记): nothing to prepare for it */
  producedBy: z.object({ id: z.string(), name: z.string(), step: z.number().int().min(1) }).optional(),
});
export type MergedMaterial = z.infer<typeof mergedMaterialSchema>;

export const themeSchema = themeSummarySchema.extend({
  items: z.array(itemSummarySchema),
  materials: z.array(mergedMaterialSchema),
});
export type Theme = z.infer<typeof themeSchema>;

export const hallsResponseSchema = z.object({ halls: z.array(hallSchema) });
export const itemsResponseSchema = z.object({ items: z.array(itemSummarySchema) });
export const themesResponseSchema = z.object({ themes: z.array(themeSummarySchema) });
