import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/errors';
import type { ActionKey } from './useActionKey';

export interface SubmitOptions {
  /**
   * The action's Idempotency-Key (useActionKey); the action itself calls `key.take()`. It is renewed once the action
   * has a definite answer (done, or refused) and kept after a lost one, so a retry cannot act twice (keyEnds).
   */
  key?: ActionKey;
  /** what the page does with a failure besides keeping it in `error` (a modal, a reload); awaited while still busy */
  onError?: (error: ApiError) => unknown;
}

export interface Submit<A extends unknown[], R> {
  /** runs the action unless it is already running; resolves with its result, or undefined when it failed or was ignored */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** the last run's failure, ready to show (ErrorNotice); cleared when the next run starts */
  error: ApiError | null;
  /** forget the failure, e.g. when the citizen changes what they typed */
  clear: () => void;
}

/**
 * Whether a failed write's Idempotency-Key is spent. A refusal (4xx) is the bff's definite answer, which it also
 * remembers under that key: the next try is a new action. After a lost answer (network, 5xx) the write may or may not
 * have happened, so the retry reuses the key; so does IDEMPOTENCY_CONFLICT, which says the first try is still running.
 */
export function keyEnds(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_CONFLICT';
}

interface Lock {
  current: boolean;
}

/**
 * The body of `run`, without React: one run at a time (a second tap while busy is ignored, whatever React has
 * rendered yet), busy while the action and its onError run, the failure kept as an ApiError, the key renewed when
 * the action has a definite answer.
 */
export async function runSubmit<R>(
  action: () => Promise<R>,
  o: SubmitOptions & { lock: Lock; setBusy: (busy: boolean) => void; setError: (error: ApiError | null) => void },
): Promise<R | undefined> {
  if (o.lock.current) return undefined;
  o.lock.current = true;
  o.setBusy(true);
  o.setError(null);
  try {
    const result = await action();
    o.key?.renew();
    return result;
  } catch (err) {
    const error = asApiError(err);
    if (keyEnds(error)) o.key?.renew();
    o.setError(error);
    await o.onError?.(error);
    return undefined;
  } finally {
    o.lock.current = false;
    o.setBusy(false);
  }
}

/**
 * One citizen action behind a button (提交, 确认预约, 登录…): busy while it runs, double taps ignored, the failure as an
 * ApiError for the page to show, the Idempotency-Key renewed as keyEnds says. The latest `action` and options are used.
 */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>, options: SubmitOptions = {}): Submit<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const lock = useRef(false);
  const latest = useRef({ action, options });
  latest.current = { action, options };
  const run = useCallback((...args: A) => runSubmit(() => latest.current.action(...args), { ...latest.current.options, lock, setBusy, setError }), []);
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, clear };
}
