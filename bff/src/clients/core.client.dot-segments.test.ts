import { createCoreClient } from './core.client';
import { isAppError } from '../http/errors';

describe('core client: an id of "." or ".." never walks the core URL up to another endpoint', () => {
  const sent: string[] = [];
  const fakeFetch = (async (url: string | URL | Request) => {
    sent.push(String(url));
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const core = createCoreClient({ baseUrl: 'http://core.test', clientId: 'bff', secret: 's'.repeat(32), timeoutMs: 1000, fetch: fakeFetch });

  it.each(['/core/v1/bookings/..', '/core/v1/bookings/../ticket', '/core/v1/catalog/items/.', '/core/v1/catalog/items/%2E%2e?personId=P1'])(
    'refuses %s with NOT_FOUND and sends nothing',
    async (path) => {
      const err = await core.call(path).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('NOT_FOUND');
      expect(sent).toEqual([]);
    },
  );

  it('lets ids with dots inside through', async () => {
    await core.call('/core/v1/bookings/B1.2?personId=..');
    expect(sent).toEqual(['http://core.test/core/v1/bookings/B1.2?personId=..']);
  });
});
