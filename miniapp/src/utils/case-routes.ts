/** URLs of the Follow and Rate pages (subpackage pages/cases). */
const q = (path: string, query: Record<string, string>) =>
  `${path}?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;

export const PROGRESS_TAB = '/pages/progress/index';
export const caseUrl = (caseNo: string) => q('/pages/cases/detail/index', { caseNo });
export const correctionUrl = (caseNo: string) => q('/pages/cases/correction/index', { caseNo });
export const mailingUrl = (caseNo: string) => q('/pages/cases/mailing/index', { caseNo });
export const rateUrl = (caseNo: string, followUp = false) => q('/pages/cases/rate/index', followUp ? { caseNo, followUp: '1' } : { caseNo });
export const ratingUrl = (caseNo: string) => q('/pages/cases/rating/index', { caseNo });
