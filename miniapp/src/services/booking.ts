import type { BookingStanding, Hall } from '@jsb/shared';
import { asApiError, getBookingStanding, listHalls, session, type ApiError } from '../api';
import { taroStorage } from '../api/taro-adapters';
import { orderHalls } from '../utils/booking-format';
import { createStore } from '../utils/store';

/* ---- the chosen hall, remembered across launches ---- */

const HALL_KEY = 'jsb.booking.hallId';

function storedHallId(): string | null {
  const v = taroStorage.get(HALL_KEY);
  return typeof v === 'string' && v ? v : null;
}

/** null: none chosen yet (the city hall is shown first) */
export const hallIdStore = createStore<string | null>(storedHallId());

export function chooseHall(id: string): void {
  taroStorage.set(HALL_KEY, id);
  hallIdStore.set(id);
}

/** The chosen hall, or the city hall when none was chosen or the stored one no longer exists. */
export function currentHall(halls: readonly Hall[], id: string | null): Hall | undefined {
  return halls.find((h) => h.id === id) ?? halls[0];
}

/* ---- halls: 15 of them, the same for everyone; fetched once per launch ---- */

let hallsPromise: Promise<Hall[]> | null = null;

export function loadHalls(): Promise<Hall[]> {
  hallsPromise ??= listHalls()
    .then(orderHalls)
    .catch((err: unknown) => {
      hallsPromise = null;
      throw err;
    });
  return hallsPromise;
}

/* ---- booking standing (未到次数, 暂停) shown on 我的 and 我的预约 ---- */

export type StandingState =
  | { status: 'idle' }
  | { status: 'loading'; standing: BookingStanding | null }
  | { status: 'ready'; standing: BookingStanding }
  | { status: 'error'; error: ApiError; standing: BookingStanding | null };

export const standingStore = createStore<StandingState>({ status: 'idle' });

session.subscribe((s) => {
  if (!s) standingStore.set({ status: 'idle' });
});

function currentStanding(): BookingStanding | null {
  const s = standingStore.get();
  return s.status === 'idle' ? null : s.standing;
}

/** Never throws; a failure lands in the store. Does nothing when signed out. */
export async function loadStanding(): Promise<void> {
  if (!session.get()) {
    standingStore.set({ status: 'idle' });
    return;
  }
  standingStore.set({ status: 'loading', standing: currentStanding() });
  try {
    standingStore.set({ status: 'ready', standing: await getBookingStanding() });
  } catch (err) {
    standingStore.set({ status: 'error', error: asApiError(err), standing: currentStanding() });
  }
}
