import { addDays, atShanghai, isWorkingDay, shanghaiDate, type IsoDate } from '@jsb/shared';
import { calendarFor } from '../calendar.domain';
import { SEED_PERSONS } from '../seed/persons';
import type { CoreState } from '../state';
import { acceptCase, createCase, decideCase, issueResult, mailResult, pauseCase, requestMailing, startReview, trackMailing } from './cases.domain';

/**
 * Cases of the seeded citizens, placed relative to the mock clock's today so that "closed two working days
 * ago, still rateable" stays true whatever day the mock starts. Query codes are derived from the case number
 * (GET /__mock/cases shows them). Built with the same staff operations the tests use.
 */
export function seedCases(state: CoreState, now: Date): void {
  const today = shanghaiDate(now);
  const cal = calendarFor(state.calendarOverrides, 'city', addDays(today, -120), today);
  /** the instant at `time` on the n-th working day before today */
  const back = (n: number, time = '10:00'): Date => {
    let d: IsoDate = today;
    for (let k = 0; k < n;) {
      d = addDays(d, -1);
      if (isWorkingDay(d, cal)) k += 1;
    }
    return atShanghai(d, time);
  };
  const person = (name: string) => SEED_PERSONS.find((p) => p.name === name)!.personId;
  const make = (who: string, itemId: string, at: Date, channel: 'online' | 'onsite' = 'onsite') =>
    createCase(state, at, { personId: person(who), itemId, channel, accept: true, deterministicCode: true }).caseNo;

  // 张伟: one under review (2 of 3 working days left), one closed two working days ago (rateable), one waiting for 补正
  const reviewing = make('张伟', 'SS05', back(1, '09:30'));
  startReview(state, back(1, '14:00'), reviewing, { department: '市市场监督管理局食品经营科', name: '材料审查' });

  const closed = make('张伟', 'SS02', back(6, '09:15'));
  startReview(state, back(5), closed, { department: '市市场监督管理局登记注册科', name: '审核' });
  decideCase(state, back(3, '15:00'), closed, '准予');
  issueResult(state, back(2, '16:00'), closed);

  const paused = make('张伟', 'SS07', back(4, '14:00'));
  startReview(state, back(3), paused, { department: '市市场监督管理局药品流通科', name: '材料审查' });
  pauseCase(state, back(2, '11:00'), paused, '补正', '营业执照复印件不清晰，请补交清晰复印件及质量负责人学历证明', [
    { name: '营业执照复印件', reason: '原复印件不清晰，无法辨认统一社会信用代码', copies: 1, form: '复印件' },
    { name: '质量负责人学历证明', reason: '申请材料中缺少，药品经营须由具备相应学历的人员负责质量管理', copies: 1, form: '复印件' },
  ]);

  // 孔令华: a result mailed and on its way
  const mailed = make('孔令华', 'SS03', back(8));
  requestMailing(state, back(8, '10:20'), mailed, person('孔令华'), {
    recipient: '孔令华',
    phone: '13905370002',
    province: '山东省',
    city: '济宁市',
    district: '曲阜市',
    detail: '鲁城街道春秋路18号3单元',
  });
  startReview(state, back(7), mailed, { department: '市市场监督管理局登记注册科', name: '审核' });
  decideCase(state, back(5), mailed, '准予');
  issueResult(state, back(4), mailed);
  mailResult(state, back(3), mailed);
  trackMailing(state, back(2), mailed, 'in-transit', '济宁邮区中心');

  // 李秀英: received, waiting for 受理
  createCase(state, back(1, '16:30'), { personId: person('李秀英'), itemId: 'SS01', deterministicCode: true });

  // 马建国: closed long ago, the rating window is over
  const old = make('马建国', 'SS02', back(30));
  decideCase(state, back(29), old, '准予');
  issueResult(state, back(28), old);

  // 林文静: an online application refused (不予), closed yesterday, rateable
  const refused = make('林文静', 'SS04', back(4), 'online');
  startReview(state, back(3), refused, { department: '市行政审批服务局', name: '审查' });
  decideCase(state, back(1, '11:00'), refused, '不予', '存在未结清的税款，请结清后重新申请简易注销');
  issueResult(state, back(1, '15:00'), refused);

  void acceptCase;
}
