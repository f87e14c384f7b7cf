import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { CitizenModel } from './citizen.model';

/**
 * The core's personId behind a signed-in citizen. Every service that acts on the citizen's records at the core
 * needs a verified real name; `hint` tells, in the words of that service, why and where to verify.
 */
export async function ensurePerson(citizens: CitizenModel, auth: AuthContext, hint: string): Promise<string> {
  const c = await citizens.findById(auth.userId, { realName: 1 }).lean();
  const personId = c?.realName?.personId;
  if (!personId) throw new AppError('REAL_NAME_REQUIRED', { hint });
  return personId;
}

/** The citizens (WeChat accounts) verified as one person at the core, by _id (db/lists.ts): who a core event is for. */
export const personListOf = (personId: string) => `person|${personId}`;
