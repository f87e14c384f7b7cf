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
import type { RateLimiter, RatePlace, RateRefusal } from '../../db/attempts';
import { ensurePerson } from '../auth/person';
import type { CorrectionsService } from '../corrections/corrections.service';

export interface CasesDeps {
  core: CoreCasesClient;
  citizens: CitizenModel;
  idempotency: IdempotencyStore;
  /** the 凭码查询 limits (db/attempts.ts) */
  limiter: RateLimiter;
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
  caseNo: d.caseNo,
  itemName: d.itemName,
  hallName: d.hallName,
  status: d.status,
  statusLabel: d.statusLabel,
  ...(d.decision ? { decision: d.decision } : {}),
  receivedAt: d.receivedAt,
  ...(d.closedAt ? { closedAt: d.closedAt } : {}),
  countdown: d.countdown,
  canRate: d.canRate,
  rated: d.rated,
});

export function createCasesService(d: CasesDeps) {
  const windowMs = CASE_RULES.lookupWindowMinutes * 60_000;
  const refusal = (who: string, max: number): RateRefusal => ({
    code: 'TOO_MANY_ATTEMPTS',
    message: (retryAt) => `查询码输错次数过多，已暂停查询，请在${shanghaiTime(retryAt)}以后再试。`,
    hint: () => `${CASE_RULES.lookupWindowMinutes}分钟内${who}最多输错${max}次；登录后可在“我的办件”直接查看，无需查询码。`,
  });
  const perCase = refusal('同一办件编号', CASE_RULES.lookupMaxWrongPerCase);
  const perClient = refusal('同一来源', CASE_RULES.lookupMaxWrongPerClient);

  /** A place for this guess against the case number, then against the client address; refused, it keeps neither. */
  async function takeGuess(caseNo: string, client: string): Promise<[RatePlace, RatePlace]> {
    const forCase = await d.limiter.take({ key: `lookup:case:${caseNo}`, max: CASE_RULES.lookupMaxWrongPerCase, windowMs }, perCase);
    try {
      return [forCase, await d.limiter.take({ key: `lookup:addr:${client}`, max: CASE_RULES.lookupMaxWrongPerClient, windowMs }, perClient)];
    } catch (err) {
      await d.limiter.release(forCase);
      throw err;
    }
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
     * cannot be probed) counts against the case number and the client address in the rule's window (CASE_RULES.lookup*, fixed windows).
     */
    async lookup(input: { caseNo: string; code: string }, client: string): Promise<MaskedCase> {
      // taken before the core is asked, so concurrent guesses cannot slip past the limit; only wrong codes keep theirs
      const places = await takeGuess(input.caseNo, client);
      const giveBack = () => Promise.all(places.map((p) => d.limiter.release(p)));
      let found;
      try {
        found = await d.core.lookup(input.caseNo, input.code);
      } catch (err) {
        if (isAppError(err) && err.code === 'LOOKUP_CODE_WRONG') {
          const left = Math.max(0, CASE_RULES.lookupMaxWrongPerCase - places[0].n);
          throw new AppError('LOOKUP_CODE_WRONG', {
            hint: left > 0 ? `请核对受理单上的办件编号和6位查询码，还可以再试${left}次；登录后可在“我的办件”直接查看。` : undefined,
            details: { attemptsLeft: left },
            cause: err.cause,
          });
        }
        await giveBack();
        throw err;
      }
      await giveBack();
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
