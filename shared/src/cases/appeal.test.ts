import { APPEAL_RULES, appealRights } from './appeal';

describe('appealRights', () => {
  it('sends a county department’s refusal to that county’s government, a city or zone one to the city’s', () => {
    expect(appealRights('曲阜市', '曲阜市市场监督管理局').review).toEqual({ body: '曲阜市人民政府', days: APPEAL_RULES.reviewDays });
    expect(appealRights('济宁市', '市场监督管理局').review.body).toBe('济宁市人民政府');
    expect(appealRights('高新区', '高新区城市管理局').review.body).toBe('济宁市人民政府');
  });

  it('gives 60 days for 行政复议 and 6 months for 行政诉讼, at the court where the department sits', () => {
    const r = appealRights('济宁市', '市场监督管理局');
    expect([r.review.days, r.litigation.months]).toEqual([60, 6]);
    expect(r.litigation.court).toBe('市场监督管理局所在地的基层人民法院');
  });
});
