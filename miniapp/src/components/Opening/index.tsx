import type { ReactElement } from 'react';
import type { IdentityNeed } from '../../hooks/useIdentity';
import type { LoadState } from '../../hooks/useLoad';
import { ErrorNotice } from '../ErrorNotice';
import { IdentityStep } from '../IdentityStep';
import { StateBlock } from '../StateBlock';

export interface OpeningOptions {
  /** the page needs the citizen signed in (or 实名): the step, with why, until then */
  signIn?: { signedIn: boolean; why: string; need?: IdentityNeed };
  /** the page's read */
  load?: LoadState<unknown> & { reload: () => void };
  /** the loading line, e.g. 正在读取办件… */
  loading?: string;
  /** a failed refresh keeps what the page already shows (no notice in its place) */
  keepData?: boolean;
}

/**
 * What a page (or a list on it) shows before its content, the same everywhere: the sign-in or 实名 step saying why,
 * the read's failure with 重新加载, or one loading line. null once the content can show.
 */
export function opening(o: OpeningOptions): ReactElement | null {
  if (o.signIn && !o.signIn.signedIn) return <IdentityStep need={o.signIn.need ?? 'signIn'} why={o.signIn.why} />;
  const load = o.load;
  if (!load) return null;
  if (load.status === 'error' && !(o.keepData && load.data)) return <ErrorNotice error={load.error} retryText='重新加载' onRetry={load.reload} />;
  if (load.data === null && load.status === 'loading') return <StateBlock tone='loading' text={o.loading ?? '正在读取…'} />;
  return null;
}
