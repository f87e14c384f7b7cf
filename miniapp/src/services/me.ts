import type { Me } from '@jsb/shared';
import { asApiError, getMe, session, type ApiError } from '../api';
import { createStore } from '../utils/store';

/** What 我的 and other pages know about the signed-in citizen. */
export type MeState =
  | { status: 'signedOut'; notice: ApiError | null }
  | { status: 'loading'; me: Me | null }
  | { status: 'ready'; me: Me }
  | { status: 'error'; error: ApiError; me: Me | null };

export const meStore = createStore<MeState>(session.get() ? { status: 'loading', me: null } : { status: 'signedOut', notice: null });

// A refused refresh clears the session inside the API client; every page then shows the signed-out state.
session.subscribe((s) => {
  if (!s && meStore.get().status !== 'signedOut') meStore.set({ status: 'signedOut', notice: null });
});

function currentMe(): Me | null {
  const s = meStore.get();
  return s.status === 'ready' ? s.me : s.status === 'loading' || s.status === 'error' ? s.me : null;
}

/** Loads the profile if signed in. Never throws: failures land in the store for the page to show. */
export async function loadMe(): Promise<void> {
  if (!session.get()) {
    if (meStore.get().status !== 'signedOut') meStore.set({ status: 'signedOut', notice: null });
    return;
  }
  meStore.set({ status: 'loading', me: currentMe() });
  try {
    meStore.set({ status: 'ready', me: await getMe() });
  } catch (err) {
    const error = asApiError(err);
    // the session ended (refresh refused): say why on the sign-in screen
    if (!session.get()) meStore.set({ status: 'signedOut', notice: error });
    else meStore.set({ status: 'error', error, me: currentMe() });
  }
}

/** After a write that answers with the new profile (real name, phone). */
export function setMe(me: Me): void {
  meStore.set({ status: 'ready', me });
}
