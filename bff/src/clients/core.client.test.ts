import { createCoreClient } from './core.client';

describe('core client: the circuit breaker takes its cool-down and clock from the caller', () => {
  it('opens after the failures given, fails fast, and lets one call through once its own clock has passed the cool-down', async () => {
    let down = true;
    let calls = 0;
    const fakeFetch = (async () => {
      calls++;
      return down ? new Response('', { status: 503 }) : new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    let now = 1_000_000;
    const core = createCoreClient({
      baseUrl: 'http://core.test',
      clientId: 'bff',
      secret: 's'.repeat(32),
      timeoutMs: 1000,
      fetch: fakeFetch,
      breaker: { failureThreshold: 2, cooldownMs: 30_000, now: () => now },
    });
    // a GET is tried twice: one call is two failures
    await expect(core.call('/core/v1/cases/X')).rejects.toMatchObject({ kind: 'server' });
    await expect(core.call('/core/v1/cases/X')).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(calls).toBe(2);
    down = false;
    now += 29_999;
    await expect(core.call('/core/v1/cases/X')).rejects.toMatchObject({ kind: 'circuit-open' });
    now += 1;
    await expect(core.call('/core/v1/cases/X')).resolves.toEqual({ ok: true });
    expect(core.http.breakerFor('/core/v1/cases/X').state).toBe('closed');
  });
});
