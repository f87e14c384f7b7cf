import { ApiError } from '../api/errors';
import { runSubmit } from './useSubmit';

const refusal = (code: ApiError['code'], status: number) => new ApiError({ code, message: 'm', hint: 'h', status });

function harness() {
  const lock = { current: false };
  const busy: boolean[] = [];
  const errors: (ApiError | null)[] = [];
  const key = { take: () => 'k', renew: jest.fn() };
  return { lock, busy, errors, key, o: { lock, key, setBusy: (b: boolean) => busy.push(b), setError: (e: ApiError | null) => errors.push(e) } };
}

describe('useSubmit (runSubmit)', () => {
  it('is busy while the action runs, returns its result and renews the key once done', async () => {
    const h = harness();
    await expect(runSubmit(async () => 42, h.o)).resolves.toBe(42);
    expect(h.busy).toEqual([true, false]);
    expect(h.errors).toEqual([null]);
    expect(h.key.renew).toHaveBeenCalledTimes(1);
  });

  it('ignores a second tap while the first is still running: the action runs once', async () => {
    const h = harness();
    let finish!: (v: string) => void;
    const action = jest.fn(() => new Promise<string>((r) => (finish = r)));
    const first = runSubmit(action, h.o);
    await expect(runSubmit(action, h.o)).resolves.toBeUndefined();
    finish('booked');
    await expect(first).resolves.toBe('booked');
    expect(action).toHaveBeenCalledTimes(1);
    // free again afterwards
    await expect(runSubmit(async () => 'again', h.o)).resolves.toBe('again');
  });

  it('keeps a failure as an ApiError and lets the page react to it before the button is free again', async () => {
    const h = harness();
    const seen: string[] = [];
    const result = await runSubmit(
      async () => {
        throw new TypeError('boom');
      },
      { ...h.o, onError: async (e) => void seen.push(`${e.code}:${h.lock.current}`) },
    );
    expect(result).toBeUndefined();
    expect(h.errors[1]).toMatchObject({ code: 'INTERNAL', message: '出了点问题，这一步没有完成。' });
    expect(seen).toEqual(['INTERNAL:true']);
    expect(h.busy).toEqual([true, false]);
  });

  it('spends the key on a refusal, keeps it after a lost answer or while the first try still runs', async () => {
    for (const [error, renewed] of [
      [refusal('SLOT_FULL', 409), 1],
      [refusal('VALIDATION_FAILED', 400), 1],
      [refusal('NETWORK', 0), 0],
      [refusal('UPSTREAM_UNAVAILABLE', 503), 0],
      [refusal('IDEMPOTENCY_CONFLICT', 409), 0],
    ] as const) {
      const h = harness();
      await runSubmit(() => Promise.reject(error), h.o);
      expect([error.code, h.key.renew.mock.calls.length]).toEqual([error.code, renewed]);
      expect(h.errors[1]).toBe(error);
    }
  });
});
