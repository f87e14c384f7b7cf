import { findOneById } from '../../db/by-id';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { CitizenModel } from './citizen.model';

/**
 * The core's personId behind a signed-in citizen. Every service that acts on the citizen's records at the core
 * needs a verified real name; `hint` tells, in the words of that service, why and where to verify.
 */
export async function ensurePerson(citizens: CitizenModel, auth: AuthContext, hint: string): Promise<string> {
  // read with the other citizens asked for at the same moment (db/by-id.ts)
  const c = await findOneById<{ realName?: { personId?: string } | null }>(citizens, auth.userId, { realName: 1 });
  const personId = c?.realName?.personId;
  if (!personId) throw new AppError('REAL_NAME_REQUIRED', { hint });
  return personId;
}

/** The citizens (WeChat accounts) verified as one person at the core, by _id (db/lists.ts): who a core event is for. */
export const personListOf = (personId: string) => `person|${personId}`;
