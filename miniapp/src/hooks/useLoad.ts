import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from '../api';

/** A read a page shows: loading (keeping what it had), ready, or failed with what to do next. */
export type LoadState<T> =
  { status: 'idle'; data: null } | { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError; data: T | null };

/**
 * Runs `load` when `deps` change (and on `reload()`); an answer that arrives after a newer request
 * started is dropped. `enabled: false` keeps it idle (e.g. signed out, or nothing chosen yet).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): LoadState<T> & { reload: () => void } {
  const [state, setState] = useState<LoadState<T>>(enabled ? { status: 'loading', data: null } : { status: 'idle', data: null });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const mine = ++seq.current;
    if (!enabled) {
      setState({ status: 'idle', data: null });
      return;
    }
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current().then(
      (data) => {
        if (mine === seq.current) setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (mine === seq.current) setState((s) => ({ status: 'error', error: asApiError(err), data: s.data }));
      },
    );
  }, [...deps, enabled, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
