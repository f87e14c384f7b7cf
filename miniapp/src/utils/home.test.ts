import {
  buildTodos,
  caseForHome,
  elderCaption,
  elderTicketTarget,
  HOME_TILES,
  needsDetail,
  nextAppointment,
  serviceHours,
  shortcutsFor,
  weekendHoursText,
  type AppointmentForHome,
  type CaseForHome,
} from './home';

// Thursday 12 March 2026, 10:00 in Jining
const NOW = new Date('2026-03-12T02:00:00Z');

const appt = (id: string, date: string, start: string, end: string, status: AppointmentForHome['status'] = 'booked'): AppointmentForHome => {
  const at = (hhmm: string, minutes: number) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`) + minutes * 60_000).toISOString();
  return { id, itemName: '居民身份证换领', hallName: '市为民服务中心', date, start, end, status, checkInFrom: at(start, -30), checkInUntil: at(end, 15) };
};
const kase = (o: Partial<CaseForHome> & { caseNo: string }): CaseForHome => ({
  itemName: '食品经营许可证核发',
  canRate: false,
  rated: false,
  mailable: false,
  correction: null,
  ...o,
});

describe('首页 › 我的待办', () => {
  it('picks the earliest booked appointment whose check-in has not closed', () => {
    const list = [
      appt('later', '2026-03-14', '10:00', '10:30'),
      appt('past', '2026-03-12', '09:00', '09:30'),
      appt('gone', '2026-03-13', '09:00', '09:30', 'cancelled'),
      appt('soon', '2026-03-12', '13:30', '14:00'),
    ];
    expect(nextAppointment(list, NOW)?.id).toBe('soon');
    // 09:00–09:30 today: check-in is open until 09:45, then it is no longer "next"
    expect(nextAppointment([appt('past', '2026-03-12', '09:00', '09:30')], new Date('2026-03-12T01:40:00Z'))?.id).toBe('past');
    expect(nextAppointment([appt('past', '2026-03-12', '09:00', '09:30')], NOW)).toBeNull();
  });

  it('puts a 补正 first, then the next ticket (one tap to its page), bills, complaint replies, ratings, 消息', () => {
    const todos = buildTodos(
      {
        appointments: [appt('a1', '2026-03-14', '10:00', '10:30')],
        cases: [
          kase({ caseNo: 'JN2026031200001', canRate: true }),
          kase({ caseNo: 'JN2026031200002', correction: { reason: '缺少房屋租赁合同', deadline: '2026-03-26' } }),
        ],
        bills: [
          { id: 'b1', amountFen: 8000, status: 'due' },
          { id: 'b2', amountFen: 1000, status: 'due' },
          { id: 'b3', amountFen: 500, status: 'paid' },
        ],
        complaints: [
          { id: 'c1', trackingNo: 'ZC202603120001', canRate: true, reopenUntil: '2026-03-19' },
          { id: 'c2', trackingNo: null, canRate: false },
        ],
        messages: {
          unread: 3,
          newest: { title: '办件已受理', nextStep: '请留意办理进度，不需要您做什么。', page: 'pages/cases/detail/index?caseNo=JN2026031200003' },
        },
      },
      NOW,
    );
    expect(todos.map((t) => t.kind)).toEqual(['correction', 'appointment', 'bill', 'complaint', 'rating', 'messages']);
    expect(todos[0]).toMatchObject({
      title: '待补正：食品经营许可证核发',
      detail: '缺少房屋租赁合同。请在3月26日前补交，补交后恢复计时。',
      target: { kind: 'page', url: '/pages/cases/detail/index?caseNo=JN2026031200002' },
    });
    expect(todos[1]).toMatchObject({
      title: '下一个预约：3月14日 周六 10:00–10:30',
      action: '出示签到码',
      target: { kind: 'page', url: '/pages/appointments/detail/index?id=a1' },
    });
    expect(todos[1]!.detail).toContain('开始前30分钟起可签到');
    expect(todos[2]).toMatchObject({ title: '待缴费 2 笔，共￥90.00', action: '去缴费' });
    expect(todos[3]).toMatchObject({ title: '找茬有答复了：ZC202603120001', detail: '请看答复并评价。不满意可在3月19日前重新提出一次。' });
    expect(todos[4]).toMatchObject({ title: '可以评价：食品经营许可证核发', target: { url: '/pages/cases/rate/index?caseNo=JN2026031200001' } });
    expect(todos[4]!.detail).toContain('窗口看不到是谁评的');
    // to 消息, where opening the message marks it read and leads on to the case
    expect(todos[5]).toMatchObject({
      title: '3 条新消息，最新：办件已受理',
      detail: '请留意办理进度，不需要您做什么。',
      target: { kind: 'page', url: '/pages/messages/index' },
    });
  });

  it('says 现在可以签到 while the ticket is valid', () => {
    const [t] = buildTodos({ appointments: [appt('a1', '2026-03-12', '10:00', '10:30')], cases: null, bills: null, complaints: null, messages: null }, NOW);
    expect(t!.title).toBe('现在可以签到：3月12日 周四 10:00–10:30');
  });

  it('lists nothing when nothing waits, and nothing for lists it could not read', () => {
    expect(buildTodos({ appointments: null, cases: null, bills: null, complaints: null, messages: { unread: 0, newest: null } }, NOW)).toEqual([]);
  });
});

describe('首页 › a case that waits for the citizen', () => {
  const summary = { caseNo: 'JN2026031200002', itemName: '食品经营许可证核发', canRate: false, rated: false, status: 'reviewing' as const };
  const paused = { ...summary, countdown: { paused: true } as never };

  it('reads the 补正 from a newer summary without a detail read', () => {
    const c = { ...paused, correction: { state: 'requested', deadline: '2026-03-26' } };
    expect(needsDetail(c)).toBe(false);
    expect(caseForHome(c).correction).toEqual({ reason: '', deadline: '2026-03-26', again: false });
    expect(caseForHome({ ...c, correction: { state: 'submitted' } }).correction).toBeNull();
    expect(
      buildTodos(
        {
          appointments: null,
          cases: [caseForHome({ ...c, correction: { state: 'rejected', deadline: '2026-03-26' } })],
          bills: null,
          complaints: null,
          messages: null,
        },
        NOW,
      )[0]!.detail,
    ).toBe('上次补交的材料没有通过，请看原因后重新补交。请在3月26日前补交，补交后恢复计时。');
  });

  it('reads an older summary’s pause from the case detail: a 补正 not yet over, not a 特别程序', () => {
    expect(needsDetail(paused)).toBe(true);
    expect(needsDetail({ ...summary, countdown: null })).toBe(false);
    expect(caseForHome(paused, { pauses: [{ kind: '补正', reason: '缺少房屋租赁合同', from: '2026-03-10' }] }).correction).toEqual({
      reason: '缺少房屋租赁合同',
    });
    expect(caseForHome(paused, { pauses: [{ kind: '特别程序', reason: '现场核查', from: '2026-03-10' }] }).correction).toBeNull();
    expect(caseForHome(paused, { pauses: [{ kind: '补正', reason: '缺件', from: '2026-03-02', to: '2026-03-05' }] }).correction).toBeNull();
    expect(caseForHome({ ...summary, status: 'issued', countdown: null }).mailable).toBe(true);
  });
});

describe('首页 › grid, hours and words', () => {
  it('has eight tiles: 双休日预约 and 免费邮寄 open panels, 12345 dials', () => {
    expect(HOME_TILES.map((t) => t.title)).toEqual(['预约办事', '我的预约', '办件进度', '缴费', '找茬', '双休日预约', '免费邮寄', '12345热线']);
    expect(HOME_TILES.find((t) => t.title === '免费邮寄')!.target).toEqual({ kind: 'panel', panel: 'mailing' });
    expect(HOME_TILES.find((t) => t.title === '12345热线')!.target).toEqual({ kind: 'call', number: '12345' });
  });

  it('says the hours the booking rules give', () => {
    expect(weekendHoursText()).toBe('周末和节假日 09:00–12:00');
    expect(serviceHours()).toEqual([
      '工作日 09:00–12:00、13:30–17:00',
      '错时延时 工作日 12:00–13:30、17:00–19:00（预约办理）',
      '周末和节假日 09:00–12:00（部分事项，预约办理）',
    ]);
  });

  it('finds the app’s own services in a query', () => {
    expect(shortcutsFor('交水费').map((s) => s.title)).toEqual(['缴费']);
    expect(shortcutsFor('我要投诉').map((s) => s.title)).toEqual(['找茬']);
    expect(shortcutsFor('EMS 邮寄').map((s) => s.title)).toEqual(['免费邮寄']);
    expect(shortcutsFor('开饭店')).toEqual([]);
  });
});

describe('首页 › 长辈版', () => {
  const next = appt('a1', '2026-03-14', '10:00', '10:30');
  it('opens the next ticket in one tap from 签到码, or says what to do first', () => {
    expect(elderTicketTarget({ signedIn: true, next })).toEqual({ kind: 'page', url: '/pages/appointments/detail/index?id=a1' });
    expect(elderTicketTarget({ signedIn: true, next: null })).toEqual({ kind: 'page', url: '/pages/appointments/index' });
    expect(elderTicketTarget({ signedIn: false, next: null })).toEqual({ kind: 'tab', url: '/pages/mine/index' });
    expect(elderCaption('ticket', { signedIn: true, todos: [], next })).toBe('3月14日 周六 10:00 居民身份证换领');
    expect(elderCaption('ticket', { signedIn: false, todos: [], next: null })).toBe('先登录，再出示签到码');
  });
});
