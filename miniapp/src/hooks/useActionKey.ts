import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../utils/random';

export interface ActionKey {
  take: () => string;
  renew: () => void;
}

/**
 * One Idempotency-Key per citizen action: `take()` returns the same key until `renew()` — call renew when
 * the input changes or the action succeeded, so a retry after a network failure cannot act twice.
 * (useSubmit renews it itself when an action has a definite answer.)
 */
export function useActionKey(): ActionKey {
  const key = useRef<string | null>(null);
  const take = useCallback(() => (key.current ??= newIdempotencyKey()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { take, renew };
}
