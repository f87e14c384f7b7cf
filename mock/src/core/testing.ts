/**
 * For the mock's own tests only. The bff writes its own signer from the contract in
 * `signature.ts`; sharing this one would let a bug on both sides cancel out.
 */
import { randomBytes } from 'node:crypto';
import { createMockClock, type MockClock } from '../infra/clock';
import { request, type JsonResponse } from '../infra/http-test';
import { listen } from '../infra/server';
import { createCoreMock, type CoreMock, type CoreMockOptions } from './core.mock';
import { canonicalRequest, computeSignature } from './signature';

export interface SignInput {
  secret: string;
  clientId: string;
  method: string;
  pathWithQuery: string;
  body?: string;
  /** Unix milliseconds; default Date.now(). */
  now?: number;
  nonce?: string;
}

export function signCoreRequest(input: SignInput): Record<string, string> {
  const timestamp = String(Math.floor((input.now ?? Date.now()) / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const canonical = canonicalRequest(input.method, input.pathWithQuery, timestamp, nonce, input.body ?? '');
  return {
    'X-Jsb-Client': input.clientId,
    'X-Jsb-Timestamp': timestamp,
    'X-Jsb-Nonce': nonce,
    'X-Jsb-Signature': computeSignature(input.secret, canonical),
  };
}

export const TEST_CORE_SECRET = 'test-core-secret';
export const TEST_CLIENT_ID = 'jishiban-bff';

export interface CoreHarness {
  url: string;
  clock: MockClock;
  mock: CoreMock;
  close(): Promise<void>;
  /** A correctly signed JSON call; `sign` overrides parts of the signing input to break it on purpose. */
  call(method: string, pathWithQuery: string, body?: unknown, sign?: Partial<SignInput>): Promise<JsonResponse>;
}

export async function startCore(overrides: Partial<CoreMockOptions> = {}): Promise<CoreHarness> {
  const clock = overrides.clock ?? createMockClock(new Date('2026-03-02T01:00:00.000Z'), { frozen: true });
  const mock = createCoreMock({ hmacSecret: TEST_CORE_SECRET, admin: true, ...overrides, clock });
  const server = await listen(mock.app, 0);
  return {
    url: server.url,
    clock,
    mock,
    close: server.close,
    call(method, pathWithQuery, body, sign = {}) {
      const text = body === undefined ? '' : JSON.stringify(body);
      const headers = signCoreRequest({ secret: TEST_CORE_SECRET, clientId: TEST_CLIENT_ID, method, pathWithQuery, body: text, ...sign });
      return request(`${server.url}${pathWithQuery}`, {
        method,
        headers: { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) },
        ...(text ? { body: text } : {}),
      });
    },
  };
}
