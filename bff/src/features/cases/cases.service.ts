import { randomBytes } from 'node:crypto';
import {
  CASE_RULES,
  CASE_STATUS_LABEL,
  CLOSED_STATUSES,
  checkRatingWindow,
  shanghaiTime,
  type CaseDetail,
  type CaseSummary,
  type CoreCase,
  type Mailing,
  type MailingAddress,
  type MaskedCase,
} from '@jsb/shared';
import { AppError, isAppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { IdempotencyStore } from '../../db/idempotency';
import type { CoreCasesClient } from '../../clients/core-cases.client';
import type { CitizenModel } from '../auth/citizen.model';
import type { LookupAttemptModel } from './lookup-attempt.model';
import { ensurePerson } from '../auth/person';
import type { CorrectionsService } from '../corrections/corrections.service';

export interface CasesDeps {
  core: CoreCasesClient;
  citizens: CitizenModel;
  idempotency: IdempotencyStore;
  attempts: LookupAttemptModel;
  clock: () => Date;
  /** 补正 online (issue 12): what was uploaded and where the submission stands, merged into the case */
  corrections?: Pick<CorrectionsService, 'view' | 'summaries' | 'statusLabel'>;
}

/** The personId behind a signed-in citizen; cases need a verified real name. */
export function personOf(citizens: CitizenModel, auth: AuthContext): Promise<string> {
  return ensurePerson(citizens, auth, '查看我的办件需要实名：请到“我的 › 实名认证”填写姓名和身份证号码；也可以用办件编号和查询码直接查询。');
}

export function statusLabel(c: Pick<CoreCase, 'status' | 'decision'>): string {
  return c.status === 'decided' && c.decision ? `已作出决定（${c.decision}）` : CASE_STATUS_LABEL[c.status];
}

export function canRate(c: Pick<CoreCase, 'status' | 'rated' | 'ratingDeadline'>, now: Date): boolean {
  return !c.rated && !checkRatingWindow({ closed: CLOSED_STATUSES.includes(c.status), ratingDeadline: c.ratingDeadline }, now);
}

/** The citizen's view of their own case: an allow-list, no personId. */
export function toCaseDetail(c: CoreCase, now: Date): CaseDetail {
  // the core's 补正 record is not the citizen's view of it (corrections/view.ts builds that)
  const { personId: _p, correction: _k, ...rest } = c;
  return { ...rest, statusLabel: statusLabel(c), canRate: canRate(c, now) };
}

const toSummary = (d: CaseDetail): CaseSummary => ({
  caseNo: d.caseNo, itemName: d.itemName, hallName: d.hallName, status: d.status, statusLabel: d.statusLabel,
  ...(d.decision ? { decision: d.decision } : {}), receivedAt: d.receivedAt, ...(d.closedAt ? { closedAt: d.closedAt } : {}),
  countdown: d.countdown, canRate: d.canRate, rated: d.rated,
});

const minutesLabel = (at: Date) => `${shanghaiTime(at)}`;

export function createCasesService(d: CasesDeps) {
  const windowMs = CASE_RULES.lookupWindowMinutes * 60_000;

  /** Refuses when this case number or this client already has too many wrong codes in the window. */
  async function ensureUnderLimit(caseNo: string, client: string, now: Date, ownId: string): Promise<void> {
    const since = new Date(now.getTime() - windowMs);
    const live = { at: { $gt: since }, expiresAt: { $gt: now } };
    const [forCase, forClient] = await Promise.all([
      d.attempts.find({ caseNo, ...live }, { at: 1 }).sort({ at: 1 }).lean(),
      d.attempts.find({ client, ...live }, { at: 1 }).sort({ at: 1 }).lean(),
    ]);
    const over = (list: { at: Date }[], max: number) => (list.length > max ? list[list.length - max - 1] : undefined);
    // the guess itself is already in the lists: more than max means this one is over
    const blocking = over(forCase, CASE_RULES.lookupMaxWrongPerCase) ?? over(forClient, CASE_RULES.lookupMaxWrongPerClient);
    if (!blocking) return;
    await d.attempts.deleteOne({ _id: ownId });
    const retryAt = new Date(blocking.at.getTime() + windowMs);
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    throw new AppError('TOO_MANY_ATTEMPTS', {
      message: `查询码输错次数过多，已暂停查询，请在${minutesLabel(retryAt)}以后再试。`,
      details: { retryAt: retryAt.toISOString(), retryAfterSeconds: seconds },
      headers: { 'Retry-After': String(seconds) },
    });
  }

  return {
    async list(auth: AuthContext): Promise<{ cases: CaseSummary[] }> {
      const personId = await personOf(d.citizens, auth);
      const { cases } = await d.core.cases(personId);
      const now = d.clock();
      const open = d.corrections ? await d.corrections.summaries(auth.userId, cases) : new Map<string, NonNullable<CaseSummary['correction']>>();
      return {
        cases: cases.map((c) => {
          const k = open.get(c.caseNo);
          const summary = toSummary(toCaseDetail(c, now));
          return k ? { ...summary, statusLabel: d.corrections?.statusLabel(k) ?? summary.statusLabel, correction: k } : summary;
        }),
      };
    },

    async get(auth: AuthContext, caseNo: string): Promise<CaseDetail> {
      const personId = await personOf(d.citizens, auth);
      const c = await d.core.case(caseNo, personId);
      const detail = toCaseDetail(c, d.clock());
      const correction = await d.corrections?.view(auth.userId, c);
      if (!correction) return detail;
      // a case waiting for 补正 (or for its review) says so instead of 审查中
      return { ...detail, statusLabel: d.corrections?.statusLabel(correction) ?? detail.statusLabel, correction };
    },

    /**
     * 凭办件编号和查询码查询, without signing in. Every wrong code (or unknown number: the same answer, so numbers
     * cannot be probed) counts against the case number and the client address for 15 minutes.
     */
    async lookup(input: { caseNo: string; code: string }, client: string): Promise<MaskedCase> {
      const now = d.clock();
      const ownId = randomBytes(12).toString('hex');
      await d.attempts.create({ _id: ownId, caseNo: input.caseNo, client, at: now, expiresAt: new Date(now.getTime() + windowMs) });
      await ensureUnderLimit(input.caseNo, client, now, ownId);
      let found;
      try {
        found = await d.core.lookup(input.caseNo, input.code);
      } catch (err) {
        if (isAppError(err) && err.code === 'LOOKUP_CODE_WRONG') {
          const used = await d.attempts.countDocuments({ caseNo: input.caseNo, at: { $gt: new Date(now.getTime() - windowMs) }, expiresAt: { $gt: now } });
          const left = Math.max(0, CASE_RULES.lookupMaxWrongPerCase - used);
          throw new AppError('LOOKUP_CODE_WRONG', {
            hint: left > 0 ? `请核对受理单上的办件编号和6位查询码，还可以再试${left}次；登录后可在“我的办件”直接查看。` : undefined,
            details: { attemptsLeft: left },
            cause: err.cause,
          });
        }
        await d.attempts.deleteOne({ _id: ownId });
        throw err;
      }
      await d.attempts.deleteOne({ _id: ownId });
      return { ...found, statusLabel: statusLabel(found) };
    },

    async requestMailing(auth: AuthContext, caseNo: string, address: MailingAddress, idempotencyKey?: string): Promise<Mailing> {
      const personId = await personOf(d.citizens, auth);
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'requestMailing',
        key: idempotencyKey,
        request: { caseNo, address },
        run: async () => {
          const requestId = idempotencyKey ? `${auth.userId}:${idempotencyKey}` : undefined;
          const c = await d.core.requestMailing(caseNo, { personId, address, ...(requestId ? { requestId } : {}) });
          return c.mailing!;
        },
      });
    },

    async mailing(auth: AuthContext, caseNo: string): Promise<Mailing> {
      const personId = await personOf(d.citizens, auth);
      const c = await d.core.case(caseNo, personId);
      if (!c.mailing) {
        throw new AppError('NOT_FOUND', {
          message: '这个办件还没有申请免费邮寄。',
          hint: c.mailingAvailable ? '可以在办件详情里点击“申请免费邮寄”，填写收件地址。' : '结果可到受理窗口领取；如需帮助请拨打12345。',
        });
      }
      return c.mailing;
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
