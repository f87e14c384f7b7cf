import type { CoreRefusalData } from '@jsb/shared';
import { AppError } from '../../http/errors';

/** A refusal of the core's 缴费 system, as our code with what the citizen can do instead. */
export function billRefusal(r: CoreRefusalData): AppError {
  switch (r.code) {
    case 'ACCOUNT_NOT_FOUND':
      return new AppError('ACCOUNT_NOT_FOUND', { cause: r });
    case 'PAYABLE_NOT_FOUND':
      return new AppError('NOT_FOUND', { message: '没有找到这笔费用。', hint: '请返回缴费页刷新后重试。', cause: r });
    case 'BAD_REQUEST':
      return new AppError('VALIDATION_FAILED', { cause: r });
    default:
      return new AppError('UPSTREAM_UNAVAILABLE', { cause: r });
  }
}
