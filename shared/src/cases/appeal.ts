/**
 * Remedies against a refusal (不予许可), which a decision letter must state (行政许可法 第三十八条). Time limits: 行政复议
 * within 60 days of learning of the decision (行政复议法 2023, 第二十条), 行政诉讼 within 6 months (行政诉讼法 第四十六条).
 * The reviewing body of a county- or city-level department's decision is the people's government at its level
 * (行政复议法 第二十四条); the development zones' decisions are reviewed by the city. The court: the basic people's
 * court where the department that decided sits (行政诉讼法 第十八条).
 */
export const APPEAL_RULES = { reviewDays: 60, litigationMonths: 6 } as const;

/** County-level divisions with a people's government of their own (the zones' 管委会 have none). */
const COUNTY_GOVERNMENTS = ['任城区', '兖州区', '曲阜市', '邹城市', '微山县', '鱼台县', '金乡县', '嘉祥县', '汶上县', '泗水县', '梁山县'];

export interface AppealRights {
  review: { body: string; days: number };
  litigation: { court: string; months: number };
}

/** Where and by when a refused applicant can ask again, from the county of the hall that took the case. */
export function appealRights(county: string, department: string): AppealRights {
  const government = COUNTY_GOVERNMENTS.includes(county) ? `${county}人民政府` : '济宁市人民政府';
  return {
    review: { body: government, days: APPEAL_RULES.reviewDays },
    litigation: { court: `${department}所在地的基层人民法院`, months: APPEAL_RULES.litigationMonths },
  };
}
