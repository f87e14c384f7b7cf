import type { CaseDetail, MessageList } from '@jsb/shared';
import { caseForHome, needsDetail, type CaseSummaryForHome, type TodoSources } from '../utils/home';
import { getCase, listMyCases } from './cases';
import { listMyComplaints } from './complaints';
import { api, listMyAppointments } from './index';
import { isApiError } from './errors';
import { listMyBills } from './payments';

/** 首页's 我的待办, read in one go: each list may fail on its own and the strip shows what came. */
export interface HomeTodoData extends TodoSources {
  /** 实名 is missing: the lists that need it could not be read */
  needsRealName: boolean;
  /** some list could not be read (network, core down): the strip says it may be incomplete */
  incomplete: boolean;
}

/** Detail reads for paused cases are bounded: the strip needs the first few, 进度 has the rest. */
const MAX_DETAILS = 3;

function settled<T>(r: PromiseSettledResult<T>): T | null {
  return r.status === 'fulfilled' ? r.value : null;
}

/** The newest 消息 (issue 12) and the unread count; null when this bff has no 消息 or they could not be read. */
async function latestMessages(): Promise<TodoSources['messages']> {
  try {
    const list = await api.request<MessageList>('/api/v1/messages', { query: { limit: 5 } });
    const m = list.messages.find((x) => !x.read);
    return { unread: list.unread, newest: m ? { title: m.title, nextStep: m.nextStep, page: m.link.page } : null };
  } catch {
    return null;
  }
}

export async function loadHomeTodos(): Promise<HomeTodoData> {
  const messages = latestMessages();
  const [appointments, cases, bills, complaints] = await Promise.allSettled([listMyAppointments(), listMyCases(), listMyBills(), listMyComplaints()]);
  const all = [appointments, cases, bills, complaints];
  const needsRealName = all.some((r) => r.status === 'rejected' && isApiError(r.reason) && r.reason.code === 'REAL_NAME_REQUIRED');
  const incomplete = all.some((r) => r.status === 'rejected' && !(isApiError(r.reason) && r.reason.code === 'REAL_NAME_REQUIRED'));

  // an older bff's summary cannot tell a 补正 from another pause: read those cases' details
  const summaries = (settled(cases)?.slice() ?? []) as CaseSummaryForHome[];
  const details = new Map<string, CaseDetail | null>();
  await Promise.all(
    summaries
      .filter(needsDetail)
      .slice(0, MAX_DETAILS)
      .map(async (c) => details.set(c.caseNo, await getCase(c.caseNo).catch(() => null))),
  );

  return {
    appointments: settled(appointments),
    cases: settled(cases) ? summaries.map((c) => caseForHome(c, details.get(c.caseNo))) : null,
    bills: settled(bills)?.fees ?? null,
    complaints: settled(complaints)?.complaints ?? null,
    messages: await messages,
    needsRealName,
    incomplete,
  };
}
