import type { UtilityLookup } from '@jsb/shared';
import { taroStorage } from '../api/taro-adapters';
import { createStore } from '../utils/store';

/** The utility accounts (户号) a citizen looked up, most recent first: the next bill is one tap away. */
export interface BillAccount {
  accountNumber: string;
  utility: UtilityLookup['account']['utility'];
  company: string;
}

const KEY = 'jsb.billAccounts';
const KEEP = 5;

function load(): BillAccount[] {
  const raw = taroStorage.get(KEY);
  return Array.isArray(raw) ? (raw as BillAccount[]).filter((a) => typeof a?.accountNumber === 'string') : [];
}

export const billAccountsStore = createStore<BillAccount[]>(load());

export function rememberAccount(a: BillAccount): void {
  const next = [a, ...billAccountsStore.get().filter((x) => x.accountNumber !== a.accountNumber)].slice(0, KEEP);
  taroStorage.set(KEY, next);
  billAccountsStore.set(next);
}

export function forgetAccount(accountNumber: string): void {
  const next = billAccountsStore.get().filter((x) => x.accountNumber !== accountNumber);
  taroStorage.set(KEY, next);
  billAccountsStore.set(next);
}
