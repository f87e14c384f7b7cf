import { loadHomeTodos } from '../../api/home';
import { useLoad } from '../../hooks/useLoad';
import { useReshow } from '../../hooks/useReshow';
import { useSignedIn } from '../../hooks/useSignedIn';

/** 我的待办 for a signed-in citizen, read again each time 首页 is shown (back from a ticket, a payment, a rating). */
export function useHomeTodos() {
  const signedIn = useSignedIn();
  const todos = useLoad(loadHomeTodos, [], signedIn);
  useReshow(() => {
    if (signedIn) todos.reload();
  });
  return { signedIn, todos };
}
