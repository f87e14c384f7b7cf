import type { TokenPair } from '@jsb/shared';

/** The tokens we keep between launches. Only what the client needs; never profile data. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** ms since epoch; informational (the client refreshes on 401, not on a clock) */
  accessExpiresAt: number;
}

/** A synchronous key-value store: Taro storage in the app, a Map in tests. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export interface SessionStore {
  get(): Session | null;
  save(pair: TokenPair): Session;
  clear(): void;
  /** called after every save or clear; returns an unsubscribe function */
  subscribe(listener: (session: Session | null) => void): () => void;
}

const KEY = 'jsb.session';

export function createSessionStore(storage: KeyValueStorage, now: () => number = Date.now): SessionStore {
  const listeners = new Set<(session: Session | null) => void>();
  const emit = (s: Session | null) => listeners.forEach((l) => l(s));

  return {
    get() {
      const raw = storage.get(KEY);
      if (typeof raw !== 'object' || raw === null) return null;
      const s = raw as Partial<Session>;
      if (typeof s.accessToken !== 'string' || typeof s.refreshToken !== 'string') return null;
      return { accessToken: s.accessToken, refreshToken: s.refreshToken, accessExpiresAt: Number(s.accessExpiresAt) || 0 };
    },
    save(pair) {
      const session: Session = {
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken,
        accessExpiresAt: now() + pair.expiresIn * 1000,
      };
      storage.set(KEY, session);
      emit(session);
      return session;
    },
    clear() {
      storage.remove(KEY);
      emit(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
