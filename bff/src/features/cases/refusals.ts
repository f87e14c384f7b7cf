import { AppError } from '../../http/errors';
import { monthDayText, type CoreRefusalData } from '@jsb/shared';

/** A core refusal about a case, its mailing, its rating or its 补正, as our code with what the citizen can do instead. */
export function caseRefusal(r: CoreRefusalData): AppError {
  const d = r.details;
  switch (r.code) {
    // an unknown case number or a wrong query code: one answer, so numbers cannot be probed (cases.service.ts adds the tries left)
    case 'LOOKUP_FAILED':
      return new AppError('LOOKUP_CODE_WRONG', { cause: r });
    case 'CASE_NOT_FOUND':
      return new AppError('NOT_FOUND', {
        message: '没有找到这个办件。',
        hint: '请在“我的办件”中刷新后查看；不是本人的办件，请用办件编号和查询码查询。',
        cause: r,
      });
    case 'CASE_NOT_CLOSED':
      return new AppError('CASE_NOT_CLOSED', { details: { status: d.status }, cause: r });
    case 'ALREADY_RATED':
      return new AppError('ALREADY_RATED', { cause: r });
    case 'RATING_WINDOW_CLOSED':
      return new AppError('RATING_WINDOW_CLOSED', {
        message: typeof d.deadline === 'string' ? `评价期限已于${monthDayText(d.deadline)}结束。` : undefined,
        details: { deadline: d.deadline },
        cause: r,
      });
    case 'TAG_NOT_FOR_LEVEL':
      return new AppError('TAG_NOT_FOR_LEVEL', { details: { tags: d.tags, allowed: d.allowed }, cause: r });
    case 'TAG_REQUIRED':
      return new AppError('TAG_REQUIRED', { details: { allowed: d.allowed }, cause: r });
    case 'FOLLOW_UP_NOT_ALLOWED':
      return followUpRefusal(String(d.reason ?? ''), typeof d.correctionDue === 'string' ? d.correctionDue : undefined);
    case 'MAILING_NOT_AVAILABLE':
      return new AppError('MAILING_NOT_AVAILABLE', {
        message:
          d.reason === 'already-requested'
            ? '这个办件已经申请过免费邮寄。'
            : d.reason === 'not-accepted'
              ? '办件受理后才能申请邮寄。'
              : '结果已经寄出或领取，不能再申请邮寄。',
        details: { reason: d.reason },
        cause: r,
      });
    case 'HALL_NOT_FOUND':
      return new AppError('NOT_FOUND', { message: '没有找到这个大厅。', hint: '请返回重新选择大厅。', cause: r });
    case 'BAD_REQUEST':
      return new AppError('VALIDATION_FAILED', { cause: r });
    default:
      return new AppError('UPSTREAM_UNAVAILABLE', { cause: r });
  }
}

export function followUpRefusal(reason: string, correctionDue?: string): AppError {
  const message =
    reason === 'already'
      ? '这个办件您已经追评过了。'
      : reason === 'not-corrected'
        ? `大厅还没有完成整改反馈${correctionDue ? `（最迟${monthDayText(correctionDue)}）` : ''}，暂时不能追评。`
        : '只有“不满意”或“非常不满意”的评价可以追评。';
  return new AppError('FOLLOW_UP_NOT_ALLOWED', { message, details: { reason } });
}
