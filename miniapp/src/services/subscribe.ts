import Taro from '@tarojs/taro';
import type { SubscribeMoment } from '@jsb/shared';
import { getSubscriptions, reportSubscriptions } from '../api/messages';

export type SubscribeOutcome = 'accepted' | 'refused' | 'unavailable';

export interface SubscribeResult {
  outcome: SubscribeOutcome;
  /** messages the citizen can now receive for this moment's first template (each 允许 pays for one) */
  remaining: number;
}

/**
 * WeChat's one-time subscription, asked at the moment it matters (after booking, after a complaint, after a 差评,
 * when following a case or its 补正): WeChat's sheet, then what the citizen answered goes to the bff, which counts one
 * message per 允许. Must run inside a tap. A refusal is the citizen's choice, not an error: 消息 in the app still
 * holds everything. H5 has no subscription messages.
 */
export async function askSubscription(moment: SubscribeMoment): Promise<SubscribeResult> {
  const none = (outcome: SubscribeOutcome): SubscribeResult => ({ outcome, remaining: 0 });
  if (process.env.TARO_ENV === 'h5') return none('unavailable');
  let tmplIds: string[];
  try {
    const subs = await getSubscriptions();
    const keys = subs.moments[moment] ?? [];
    tmplIds = keys.map((k) => subs.templates.find((t) => t.key === k)?.templateId).filter((id): id is string => Boolean(id));
  } catch {
    return none('unavailable');
  }
  if (tmplIds.length === 0) return none('unavailable');
  let answers: Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;
  try {
    // Taro's type also demands Alipay's entityIds; WeChat takes tmplIds only
    const option = { tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0];
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>;
    answers = Object.fromEntries(tmplIds.map((id) => [id, (res[id] ?? 'reject') as 'accept' | 'reject' | 'ban' | 'filter']));
  } catch {
    // e.g. 20004: the citizen switched subscription messages off in WeChat's settings
    return none('refused');
  }
  const accepted = Object.values(answers).some((a) => a === 'accept');
  let remaining = accepted ? 1 : 0;
  try {
    const subs = await reportSubscriptions(answers);
    remaining = subs.templates.find((t) => t.templateId === tmplIds[0])?.remaining ?? remaining;
  } catch {
    // the 允许 stays with WeChat; the bff learns of it the next time the citizen is asked
  }
  return { outcome: accepted ? 'accepted' : 'refused', remaining };
}
