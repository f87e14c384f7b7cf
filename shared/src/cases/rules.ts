import { COMPLAINT_RULES } from '../complaints/rules';

/**
 * 好差评 and case rules (PRODUCT.md › Cases, 好差评 ratings; 国办发〔2019〕51号, 鲁政办发〔2020〕10号).
 * Every number is configuration: the defaults below are what the core mock enforces and the miniapp shows.
 */
export const RATING_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 差评: the two lowest levels start the call-back and correction loop. */
export const BAD_LEVELS: readonly RatingLevel[] = ['不满意', '非常不满意'];
export const isBadLevel = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

export const CHANNELS = ['online', 'onsite'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABEL: Record<Channel, string> = { online: '网上办理', onsite: '窗口办理' };

/** The evaluation dimensions of each channel (online: 一网通办 platform; on site: the window). */
export const RATING_DIMENSIONS: Record<Channel, readonly string[]> = {
  online: ['办事效率', '办事指南精确度', '办事便捷度', '平台操作性'],
  onsite: ['服务效率', '服务水平', '服务态度'],
};

type Tone = 'praise' | 'improve' | 'problem';

/**
 * One tag per dimension and tone. 非常满意/满意 pick what was good, 基本满意 what could be better,
 * 差评 what went wrong (at least one, so the correction knows what to fix).
 */
const TAG_TEXT: Record<string, Record<Tone, string>> = {
  办事效率: { praise: '办事效率高', improve: '办事效率有待提高', problem: '办事效率低' },
  办事指南精确度: { praise: '办事指南准确', improve: '办事指南不够清楚', problem: '办事指南不准确' },
  办事便捷度: { praise: '办事便捷', improve: '办事不够便捷', problem: '办事繁琐、跑多次' },
  平台操作性: { praise: '平台好操作', improve: '平台操作有待改进', problem: '平台难操作' },
  服务效率: { praise: '服务效率高', improve: '服务效率有待提高', problem: '服务效率低' },
  服务水平: { praise: '服务水平高', improve: '服务水平有待提高', problem: '业务不熟练' },
  服务态度: { praise: '服务态度好', improve: '服务态度有待改进', problem: '服务态度差' },
};

const toneOf = (level: RatingLevel): Tone => (isBadLevel(level) ? 'problem' : level === '基本满意' ? 'improve' : 'praise');

/** The tags a citizen may pick for this level and channel, in display order. */
export function tagsFor(level: RatingLevel, channel: Channel): string[] {
  const tone = toneOf(level);
  return RATING_DIMENSIONS[channel].map((d) => TAG_TEXT[d]![tone]);
}

export type TagProblem = { kind: 'not-for-level'; tags: string[] } | { kind: 'tag-required' };

/** null when the tags fit the level; otherwise what is wrong. */
export function checkRatingTags(level: RatingLevel, channel: Channel, tags: readonly string[]): TagProblem | null {
  const allowed = tagsFor(level, channel);
  const wrong = tags.filter((t) => !allowed.includes(t));
  if (wrong.length) return { kind: 'not-for-level', tags: wrong };
  if (isBadLevel(level) && tags.length === 0) return { kind: 'tag-required' };
  return null;
}

export const CASE_RULES = {
  /** a rating is accepted up to the 15th working day after the day of closing (inclusive) */
  ratingWindowDays: 15,
  /** 差评: call-back by the end of the 1st working day after the rating */
  callbackDays: 1,
  /** 差评: correction with feedback by the end of the 5th working day after the rating */
  correctionDays: 5,
  /** lookup without signing in: wrong codes per case number, and per client address, in the window */
  lookupMaxWrongPerCase: 5,
  lookupMaxWrongPerClient: 10,
  lookupWindowMinutes: 15,
  commentMaxChars: 300,
} as const;

/**
 * 补正 (a case paused until the applicant hands in missing materials). The clock stops on the day of the notice
 * (countdown.ts) and runs again when the hall accepts the materials. `workingDays` is how long the applicant has: our
 * default until Jining's own number is known (city rules elsewhere in Shandong give 5 to 15 working days). Files are
 * checked as 找茬 photos are (same size limit, type read from the bytes), plus PDF.
 */
export const CORRECTION_RULES = {
  workingDays: 10,
  /** photos of pages or PDF files one material may have */
  maxFilesPerMaterial: 10,
  /** the same limit as a 找茬 photo */
  fileMaxBytes: COMPLAINT_RULES.photoMaxBytes,
} as const;
