// Only zod-free modules of shared/ here (首页 is in the weapp main package): the rules and rule-words modules are;
// the schemas are not and would bring zod (~100 KB) in.
import { bookingWords, DEFAULT_SLOT_RULES, type SlotRules, type TimeRange, monthDayText } from '@jsb/shared';
import type { Appointment, CaseDetail, CaseSummary, Complaint, Payable } from '@jsb/shared';
import { dateLabel, timeRange } from './booking-format';
import { caseUrl, PROGRESS_TAB, rateUrl } from './case-routes';
import { COMPLAINT_NEW, complaintUrl } from './complaint-format';
import { money, PAYMENTS } from './payment-format';
import { APPOINTMENTS, appointmentUrl, BOOKING_TAB, MESSAGES, MINE_TAB } from './routes';

/**
 * 首页 (issue 11, findings 3, 4 and 7): what the icon grid, the 我的待办 strip and the 长辈版 home show and where each
 * leads. Pure: no Taro, no clock (`now` is a parameter), tested by jest as it is.
 */

export const HOTLINE = '12345';

/** A panel that opens on 首页 itself, under the grid. */
export type HomePanel = 'weekend' | 'mailing';

/** Where a tap leads: a tab (switchTab), a page (navigateTo), a phone call, or a panel on 首页 itself. */
export type HomeTarget = { kind: 'tab'; url: string } | { kind: 'page'; url: string } | { kind: 'call'; number: string } | { kind: 'panel'; panel: HomePanel };

export type TileIcon = 'book' | 'ticket' | 'progress' | 'pay' | 'complain' | 'weekend' | 'mail' | 'phone';

export interface HomeTile {
  title: string;
  icon: TileIcon;
  target: HomeTarget;
}

const hhmm = (ranges: readonly TimeRange[]) => ranges.map((r) => timeRange(r.start, r.end)).join('、');

/** '周末和节假日 09:00–12:00' from the booking rules, never typed twice */
export const weekendHoursText = (rules: SlotRules = DEFAULT_SLOT_RULES) => `周末和节假日 ${hhmm(rules.weekendHours)}`;

/** The hall's hours as the booking rules say them, one line per kind of slot. */
export function serviceHours(rules: SlotRules = DEFAULT_SLOT_RULES): string[] {
  return [`工作日 ${hhmm(rules.regularHours)}`, `错时延时 工作日 ${hhmm(rules.afterHours)}（预约办理）`, `${weekendHoursText(rules)}（部分事项，预约办理）`];
}

/** The icon grid, two rows of four. */
export const HOME_TILES: readonly HomeTile[] = [
  { title: '预约办事', icon: 'book', target: { kind: 'tab', url: BOOKING_TAB } },
  { title: '我的预约', icon: 'ticket', target: { kind: 'page', url: APPOINTMENTS } },
  { title: '办件进度', icon: 'progress', target: { kind: 'tab', url: PROGRESS_TAB } },
  { title: '缴费', icon: 'pay', target: { kind: 'page', url: PAYMENTS } },
  { title: '找茬', icon: 'complain', target: { kind: 'page', url: COMPLAINT_NEW } },
  { title: '双休日预约', icon: 'weekend', target: { kind: 'panel', panel: 'weekend' } },
  // 免费邮寄 is asked for on a case whose result is issued (办件 › 免费邮寄): the panel says so and lists those cases
  { title: '免费邮寄', icon: 'mail', target: { kind: 'panel', panel: 'mailing' } },
  { title: `${HOTLINE}热线`, icon: 'phone', target: { kind: 'call', number: HOTLINE } },
];

/** What the 免费邮寄 panel says first. */
export const MAILING_HOW = '办结的证照可以免费寄到家：打开已办结的办件，点“免费邮寄”，填写收件地址即可，寄出后可查快递单号。';

/* ---- 我的待办 ---- */

export type AppointmentForHome = Pick<Appointment, 'id' | 'itemName' | 'hallName' | 'date' | 'start' | 'end' | 'status' | 'checkInFrom' | 'checkInUntil'>;

/** The booked appointment whose check-in window has not closed yet, earliest first. */
export function nextAppointment<A extends AppointmentForHome>(list: readonly A[], now: Date): A | null {
  const t = now.getTime();
  const open = list.filter((a) => a.status === 'booked' && Date.parse(a.checkInUntil) > t);
  open.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  return open[0] ?? null;
}

/** A case as 首页 needs it: whether it waits for the citizen (补正) or may be rated. */
export interface CaseForHome {
  caseNo: string;
  itemName: string;
  canRate: boolean;
  rated: boolean;
  /** its result is issued and not yet mailed: 免费邮寄 can be asked for */
  mailable: boolean;
  /** a 补正 waiting for the citizen: why, and by when when the core says; `again` after a submission was refused */
  correction: { reason: string; deadline?: string; again?: boolean } | null;
}

/** The part of a case summary this reads; newer bffs add `correction` to the summary (issue 12). */
export type CaseSummaryForHome = Pick<CaseSummary, 'caseNo' | 'itemName' | 'canRate' | 'rated' | 'countdown' | 'status'> & {
  correction?: { state: string; deadline?: string; workingDaysLeft?: number } | null;
};

/** A summary that cannot tell, by itself, whether its pause is a 补正: its detail must be read. */
export function needsDetail(c: CaseSummaryForHome): boolean {
  return c.correction === undefined && Boolean(c.countdown?.paused);
}

/** Whether a case waits for the citizen to hand in materials (补正), from its summary or, for older bffs, its pauses. */
export function caseForHome(c: CaseSummaryForHome, detail?: Pick<CaseDetail, 'pauses'> | null): CaseForHome {
  const base = { caseNo: c.caseNo, itemName: c.itemName, canRate: c.canRate, rated: c.rated, mailable: c.status === 'issued' };
  if (c.correction !== undefined) {
    const k = c.correction;
    const waiting = k && (k.state === 'requested' || k.state === 'rejected');
    return { ...base, correction: waiting ? { reason: '', deadline: k.deadline, again: k.state === 'rejected' } : null };
  }
  const open = detail?.pauses.filter((p) => p.kind === '补正' && !p.to).pop();
  return { ...base, correction: open ? { reason: open.reason } : null };
}

export type BillForHome = Pick<Payable, 'id' | 'amountFen' | 'status'>;
export type ComplaintForHome = Pick<Complaint, 'id' | 'trackingNo' | 'canRate' | 'reopenUntil'>;

export interface TodoSources {
  appointments: readonly AppointmentForHome[] | null;
  cases: readonly CaseForHome[] | null;
  bills: readonly BillForHome[] | null;
  complaints: readonly ComplaintForHome[] | null;
  /** unread 消息 and the newest unread one (what happened, what to do, the page that shows it), when the bff has them */
  messages: { unread: number; newest: { title: string; nextStep: string; page: string } | null } | null;
}

export type TodoKind = 'correction' | 'appointment' | 'bill' | 'complaint' | 'rating' | 'messages';

export interface Todo {
  key: string;
  kind: TodoKind;
  title: string;
  detail: string;
  /** what the tap does, said on the row */
  action: string;
  target: HomeTarget;
}

function correctionTodo(c: CaseForHome): Todo {
  const by = c.correction?.deadline ? `请在${monthDayText(c.correction.deadline)}前补交` : '请按通知补交材料';
  const why = c.correction?.again
    ? '上次补交的材料没有通过，请看原因后重新补交。'
    : c.correction?.reason
      ? `${c.correction.reason}。`
      : '办件暂停计时，等您补交材料。';
  return {
    key: `correction:${c.caseNo}`,
    kind: 'correction',
    title: `待补正：${c.itemName}`,
    detail: `${why}${by}，补交后恢复计时。`,
    action: '看要补什么',
    target: { kind: 'page', url: caseUrl(c.caseNo) },
  };
}

function appointmentTodo(a: AppointmentForHome, now: Date): Todo {
  const t = now.getTime();
  const checkInNow = Date.parse(a.checkInFrom) <= t && t <= Date.parse(a.checkInUntil);
  return {
    key: `appointment:${a.id}`,
    kind: 'appointment',
    title: `${checkInNow ? '现在可以签到' : '下一个预约'}：${dateLabel(a.date)} ${timeRange(a.start, a.end)}`,
    detail: `${a.itemName} · ${a.hallName}。到大厅出示签到码，${bookingWords().checkInFrom}。`,
    action: '出示签到码',
    target: { kind: 'page', url: appointmentUrl(a.id) },
  };
}

/**
 * The 我的待办 strip, most pressing first: a 补正 (the clock is stopped until the citizen acts), the next appointment
 * with its ticket, unpaid bills, replies to complaints, ratings that may still be given, unread 消息.
 */
export function buildTodos(s: TodoSources, now: Date): Todo[] {
  const out: Todo[] = [];
  for (const c of s.cases ?? []) if (c.correction) out.push(correctionTodo(c));
  const next = nextAppointment(s.appointments ?? [], now);
  if (next) out.push(appointmentTodo(next, now));
  const due = (s.bills ?? []).filter((b) => b.status === 'due');
  if (due.length) {
    const total = due.reduce((sum, b) => sum + b.amountFen, 0);
    out.push({
      key: 'bills',
      kind: 'bill',
      title: `待缴费 ${due.length} 笔，共${money(total)}`,
      detail: '用微信支付缴纳，缴费凭证随时可查。',
      action: '去缴费',
      target: { kind: 'page', url: PAYMENTS },
    });
  }
  for (const c of s.complaints ?? []) {
    if (!c.canRate) continue;
    const reopen = c.reopenUntil ? `不满意可在${monthDayText(c.reopenUntil)}前重新提出一次。` : '';
    out.push({
      key: `complaint:${c.id}`,
      kind: 'complaint',
      title: `找茬有答复了${c.trackingNo ? `：${c.trackingNo}` : ''}`,
      detail: `请看答复并评价。${reopen}`,
      action: '看答复',
      target: { kind: 'page', url: complaintUrl(c.id) },
    });
  }
  for (const c of s.cases ?? []) {
    if (!c.canRate || c.rated) continue;
    out.push({
      key: `rating:${c.caseNo}`,
      kind: 'rating',
      title: `可以评价：${c.itemName}`,
      detail: '办结了，说说办得怎么样；评价一次即可，窗口看不到是谁评的。',
      action: '去评价',
      target: { kind: 'page', url: rateUrl(c.caseNo) },
    });
  }
  const m = s.messages;
  if (m?.unread && m.newest) {
    // to 消息, where opening one marks it read and leads to what it is about
    out.push({
      key: 'messages',
      kind: 'messages',
      title: m.unread > 1 ? `${m.unread} 条新消息，最新：${m.newest.title}` : `新消息：${m.newest.title}`,
      detail: m.newest.nextStep,
      action: '查看消息',
      target: { kind: 'page', url: MESSAGES },
    });
  }
  return out;
}

/** What the strip says to a citizen who has not signed in. */
export const SIGNED_OUT_TODO = '登录后，这里会列出您的下一个预约（点一下出示签到码）、需要补正的办件、待缴费用、找茬答复和可以评价的办件。';
export const NO_REAL_NAME_TODO = '完成实名认证后，这里会列出您的预约、办件和待缴费用。认证一次即可。';
export const NOTHING_TODO = '暂时没有需要您处理的事。办事前可以先预约，到了大厅不用排长队。';

/* ---- words that are not in the catalog: the app's own services ---- */

export interface Shortcut {
  title: string;
  text: string;
  target: HomeTarget;
}

const SHORTCUTS: readonly (Shortcut & { words: readonly string[] })[] = [
  {
    words: ['缴费', '交费', '水费', '电费', '燃气费', '气费', '交钱', '付款', '费用'],
    title: '缴费',
    text: '办件费用、水费、电费、燃气费，微信支付',
    target: { kind: 'page', url: PAYMENTS },
  },
  {
    words: ['进度', '查件', '办到哪', '办好了没', '结果', '查询办件'],
    title: '办件进度',
    text: '办到哪一步、还剩几个工作日',
    target: { kind: 'tab', url: PROGRESS_TAB },
  },
  { words: ['邮寄', '寄到家', '快递', 'ems'], title: '免费邮寄', text: '办结的证照免费寄到家', target: { kind: 'panel', panel: 'mailing' } },
  {
    words: ['投诉', '找茬', '举报', '态度差', '不给办', '说不'],
    title: '找茬',
    text: '窗口说“不”、办事不顺，都可以反映，限时答复',
    target: { kind: 'page', url: COMPLAINT_NEW },
  },
  {
    words: ['签到', '签到码', '二维码', '我的预约', '取消预约', '改约'],
    title: '我的预约',
    text: '签到码、取消和改约',
    target: { kind: 'page', url: APPOINTMENTS },
  },
  { words: ['热线', '电话', '咨询', '人工'], title: `拨打${HOTLINE}`, text: '政务服务便民热线', target: { kind: 'call', number: HOTLINE } },
];

/** The app's own services a query names ("交水费" → 缴费): shown above the catalog's answers. */
export function shortcutsFor(q: string): Shortcut[] {
  const t = q.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (!t) return [];
  return SHORTCUTS.filter((s) => s.words.some((w) => t.includes(w))).map(({ title, text, target }) => ({ title, text, target }));
}

/* ---- 长辈版 home: five big actions ---- */

export type ElderAction = 'book' | 'ticket' | 'progress' | 'pay' | 'call';

export const ELDER_ACTIONS: readonly { key: ElderAction; title: string }[] = [
  { key: 'book', title: '预约办事' },
  { key: 'ticket', title: '签到码' },
  { key: 'progress', title: '查进度' },
  { key: 'pay', title: '缴费' },
  { key: 'call', title: `打${HOTLINE}热线` },
];

/** The one line under each big action: what it does for this citizen now. */
export function elderCaption(key: ElderAction, o: { signedIn: boolean; todos: readonly Todo[]; next: AppointmentForHome | null }): string {
  const count = (kind: TodoKind) => o.todos.filter((t) => t.kind === kind).length;
  switch (key) {
    case 'book':
      return '选事项、选时间，来了不排队';
    case 'ticket':
      if (!o.signedIn) return '先登录，再出示签到码';
      return o.next ? `${dateLabel(o.next.date)} ${o.next.start} ${o.next.itemName}` : '您还没有要去的预约';
    case 'progress': {
      const n = count('correction');
      return n ? `有${n}件要补交材料` : '看看办到哪一步了';
    }
    case 'pay': {
      const due = o.todos.find((t) => t.kind === 'bill');
      return due ? due.title : '办件费、水电燃气费';
    }
    case 'call':
      return '有事不会办，打电话问';
  }
}

/** Where the 签到码 action leads: the next ticket (one tap), else 我的预约, else 我的 to sign in. */
export function elderTicketTarget(o: { signedIn: boolean; next: AppointmentForHome | null }): HomeTarget {
  if (!o.signedIn) return { kind: 'tab', url: MINE_TAB };
  return o.next ? { kind: 'page', url: appointmentUrl(o.next.id) } : { kind: 'page', url: APPOINTMENTS };
}
