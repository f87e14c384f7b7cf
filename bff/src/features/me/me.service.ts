import { createHmac } from 'node:crypto';
import { checkIdNumber, ID_NUMBER_PROBLEM_HINT, maskIdNumber, maskName, maskPhone, type Me } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import { UpstreamRejection } from '../../clients/http';
import type { CoreClient } from '../../clients/core.client';
import { WechatApiError, type WechatClient } from '../../clients/wechat.client';
import type { CitizenDoc, CitizenModel } from '../auth/citizen.model';
import type { AuditModel } from '../auth/audit.model';
import type { Lists } from '../../db/lists';
import { personListOf } from '../auth/person';

export interface MeServiceDeps {
  citizens: CitizenModel;
  audit: AuditModel;
  lists: Lists;
  core: CoreClient;
  wechat: WechatClient;
  piiHashSecret: string;
  clock: () => Date;
}

export type MeService = ReturnType<typeof createMeService>;

/** The allow-list of what a citizen's profile shows: masked values only. */
export function toMe(c: CitizenDoc & { createdAt?: Date }): Me {
  return {
    userId: c.userId,
    createdAt: (c.createdAt ?? new Date(0)).toISOString(),
    realName: c.realName
      ? { verified: true, nameMasked: c.realName.nameMasked, idNumberMasked: c.realName.idNumberMasked, verifiedAt: c.realName.verifiedAt.toISOString() }
      : null,
    phone: c.phone ? { masked: c.phone.masked, boundAt: c.phone.boundAt.toISOString() } : null,
  };
}

export function createMeService(d: MeServiceDeps) {
  const hash = (kind: string, value: string) => createHmac('sha256', d.piiHashSecret).update(`${kind}:${value}`).digest('hex');

  async function load(userId: string) {
    const c = await d.citizens.findById(userId).lean();
    if (!c) throw new AppError('SESSION_REVOKED');
    return c;
  }

  async function audit(auth: AuthContext, action: string, outcome: string, requestId?: string) {
    await d.audit.create({ at: d.clock(), userId: auth.userId, action, outcome, requestId });
  }

  return {
    async getMe(auth: AuthContext): Promise<Me> {
      return toMe(await load(auth.userId));
    },

    async bindRealName(auth: AuthContext, input: { name: string; idNumber: string }, requestId?: string): Promise<Me> {
      const idNumber = input.idNumber.trim().toUpperCase();
      const problem = checkIdNumber(idNumber);
      if (problem) throw new AppError('ID_NUMBER_INVALID', { hint: ID_NUMBER_PROBLEM_HINT[problem], details: { problem } });
      let verdict;
      try {
        verdict = await d.core.verifyIdentity(input.name, idNumber);
      } catch (err) {
        if (err instanceof UpstreamRejection)
          throw new AppError('VALIDATION_FAILED', { cause: err, message: '实名信息格式不被公安核验系统接受。', hint: '请核对姓名和身份证号码后重试。' });
        throw err;
      }
      if (!verdict.match || !verdict.personId) {
        await audit(auth, 'real-name.verify', 'mismatch', requestId);
        throw new AppError(
          'REAL_NAME_MISMATCH',
          verdict.reason === 'NOT_FOUND'
            ? { message: '未能核验这个身份证号码。', hint: '请核对号码；如确认无误，请携带身份证到任一政务服务大厅现场核验。' }
            : {},
        );
      }
      // the person's citizens (消息 reach each of them, messages/inbox.ts): listed first, checked when read
      await d.lists.add(personListOf(verdict.personId), auth.userId);
      const updated = await d.citizens
        .findOneAndUpdate(
          { _id: auth.userId },
          {
            $set: {
              realName: {
                nameMasked: maskName(input.name),
                idNumberMasked: maskIdNumber(idNumber),
                idNumberHash: hash('id', idNumber),
                personId: verdict.personId,
                verifiedAt: d.clock(),
              },
            },
          },
          { returnDocument: 'after' },
        )
        .lean();
      if (!updated) throw new AppError('SESSION_REVOKED');
      await audit(auth, 'real-name.verify', 'bound', requestId);
      return toMe(updated);
    },

    async bindPhone(auth: AuthContext, code: string, requestId?: string): Promise<Me> {
      let phone;
      try {
        phone = await d.wechat.getPhoneNumber(code);
      } catch (err) {
        if (err instanceof WechatApiError && (err.reason === 'code-invalid' || err.reason === 'code-used'))
          throw new AppError('PHONE_CODE_INVALID', { cause: err });
        throw err;
      }
      const updated = await d.citizens
        .findOneAndUpdate(
          { _id: auth.userId },
          { $set: { phone: { masked: maskPhone(phone.phoneNumber), hash: hash('phone', phone.phoneNumber), boundAt: d.clock() } } },
          { returnDocument: 'after' },
        )
        .lean();
      if (!updated) throw new AppError('SESSION_REVOKED');
      await audit(auth, 'phone.bind', 'bound', requestId);
      return toMe(updated);
    },
  };
}
