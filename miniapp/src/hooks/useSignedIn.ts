import { useStore } from './useStore';
import { meStore } from '../services/me';

/** Whether a session exists (profile loaded or not). Pages that need one show <SignInRequired> otherwise. */
export function useSignedIn(): boolean {
  return useStore(meStore).status !== 'signedOut';
}
