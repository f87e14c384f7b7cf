import { unreadCount } from '../api/messages';
import { session } from '../api';
import { createStore } from '../utils/store';

/** Unread 消息, for 我的 (and 首页's 待办): refreshed when those pages show and after a message is opened. */
export const unreadStore = createStore<number>(0);

export async function loadUnread(): Promise<void> {
  if (!session.get()) return unreadStore.set(0);
  try {
    unreadStore.set((await unreadCount()).unread);
  } catch {
    // a count is a hint: keep the last one
  }
}
