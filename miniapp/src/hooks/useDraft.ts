import { useCallback, useState } from 'react';
import { readDraft, removeDraft, writeDraft } from '../services/drafts';

export interface Draft<T> {
  value: T;
  /** true when the form opened with what the citizen left last time */
  restored: boolean;
  set(update: Partial<T> | ((d: T) => T)): void;
  /** after sending, or when the citizen chooses to start again */
  discard(): void;
}

/**
 * A form's state kept as a draft on the phone (services/drafts): it survives a detour to 实名认证, a reload (H5) and
 * WeChat closing the app, until it is sent or discarded.
 */
export function useDraft<T extends object>(key: string, initial: T): Draft<T> {
  const [state, setState] = useState(() => {
    const saved = readDraft<T>(key);
    return { value: saved ? { ...initial, ...saved } : initial, restored: saved !== null };
  });
  const set = useCallback(
    (update: Partial<T> | ((d: T) => T)) =>
      setState((s) => {
        const value = typeof update === 'function' ? update(s.value) : { ...s.value, ...update };
        writeDraft(key, value);
        return { value, restored: s.restored };
      }),
    [key],
  );
  const discard = useCallback(() => {
    removeDraft(key);
    // `initial` is the form's empty state, the same on every render
    setState({ value: initial, restored: false });
  }, [key]);
  return { ...state, set, discard };
}
