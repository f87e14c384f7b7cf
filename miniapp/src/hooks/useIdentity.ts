import type { Me } from '@jsb/shared';
import type { ApiError } from '../api';
import { meStore } from '../services/me';
import { useStore } from './useStore';

/** Who the citizen is to this page: the one answer every page that needs sign-in or 实名 reads. */
export type Identity =
  { status: 'signedOut' } | { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'needsRealName'; me: Me } | { status: 'verified'; me: Me };

export type IdentityNeed = 'signIn' | 'realName';

export function useIdentity(): Identity {
  const s = useStore(meStore);
  if (s.status === 'signedOut') return { status: 'signedOut' };
  const me = s.status === 'ready' ? s.me : s.me;
  if (!me) return s.status === 'error' ? { status: 'error', error: s.error } : { status: 'loading' };
  return me.realName?.verified ? { status: 'verified', me } : { status: 'needsRealName', me };
}

/** Whether the page's action may go ahead. */
export function identityMet(identity: Identity, need: IdentityNeed): boolean {
  if (need === 'signIn') return identity.status === 'verified' || identity.status === 'needsRealName';
  return identity.status === 'verified';
}

/**
 * What an action's button says while it waits for the identity step on the page, e.g. '先完成实名认证，再确认预约';
 * null when the action need not wait.
 */
export function identityWait(identity: Identity, need: IdentityNeed, action: string): string | null {
  if (identityMet(identity, need)) return null;
  if (identity.status === 'signedOut') return `先登录，再${action}`;
  if (identity.status === 'needsRealName') return `先完成实名认证，再${action}`;
  return '正在读取您的信息…';
}
