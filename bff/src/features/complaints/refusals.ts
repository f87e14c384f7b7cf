import { complaintWords, shanghaiDate, shanghaiTime } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { CoreRefusalData } from '@jsb/shared';

const when = (iso: unknown) => {
  if (typeof iso !== 'string') return '';
  const d = new Date(iso);
  return `${Number(shanghaiDate(d).slice(5, 7))}月${Number(shanghaiDate(d).slice(8, 10))}日${shanghaiTime(d)}`;
};

/** Turns a refusal of the core's 找茬 system into our code, saying why and what the citizen can do instead. */
export function complaintRefusal(r: CoreRefusalData): AppError {
  const d = r.details;
  switch (r.code) {
    case 'REOPEN_NOT_ALLOWED': {
      const reason = String(d.reason ?? '');
      const text: Record<string, { message: string; hint: string }> = {
        ALREADY_REOPENED: {
          message: '这条找茬已经重新办理过一次，不能再次申请。',
          hint: '如问题仍未解决，请拨打12345政务服务便民热线反映，或到大厅“找茬”窗口当面反映。',
        },
        WINDOW_PASSED: {
          message: `${complaintWords().reopenLate}，已于${when(d.reopenUntil)}截止。`,
          hint: '如问题仍未解决，可以提交一条新的找茬，或拨打12345政务服务便民热线反映。',
        },
        NOT_REPLIED: { message: '这条找茬还没有答复，暂不需要重新办理。', hint: `答复期限内会有答复；${complaintWords().reopenIfUnsolved}。` },
      };
      return new AppError('REOPEN_NOT_ALLOWED', {
        ...(text[reason] ?? {}),
        details: { reason, ...(d.reopenUntil ? { reopenUntil: d.reopenUntil } : {}) },
        cause: r,
      });
    }
    case 'NOT_REPLIED':
      return new AppError('COMPLAINT_NOT_REPLIED', { cause: r });
    case 'ALREADY_RATED':
      return new AppError('COMPLAINT_ALREADY_RATED', { details: { rating: d.rating }, cause: r });
    case 'COMPLAINT_NOT_FOUND':
      return new AppError('NOT_FOUND', { message: '没有找到这条找茬。', hint: '请返回“我的找茬”刷新后查看。', cause: r });
    case 'HALL_NOT_FOUND':
    case 'ZONE_NOT_AT_HALL':
      return new AppError('VALIDATION_FAILED', { message: '没有找到所选的大厅或专区。', hint: '请重新选择大厅和专区后提交。', cause: r });
    case 'TOO_MANY_PHOTOS':
      return new AppError('TOO_MANY_PHOTOS', { cause: r });
    case 'PHOTO_NOT_FOUND':
      return new AppError('PHOTO_NOT_FOUND', { cause: r });
    case 'BAD_REQUEST':
      return new AppError('VALIDATION_FAILED', { cause: r });
    default:
      return new AppError('UPSTREAM_UNAVAILABLE', { cause: r });
  }
}
