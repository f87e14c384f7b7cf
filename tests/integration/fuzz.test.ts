import { EXCLUDED_OPERATIONS, runFuzz } from '../fuzz/run';
import { startStack, type Stack } from '../support/stack';
import { seed, SEED_START, type Seeded } from '../support/seed';
import { call } from '../support/http';

// schemathesis over every operation of /api/v1/openapi.json, bounded for CI: 20 examples per operation and phase, 4 minutes at most
jest.setTimeout(330_000);

let s: Stack;
let seeded: Seeded;
beforeAll(async () => {
  s = await startStack({ name: 'fuzz', start: SEED_START });
  s.clock.freeze();
  s.clock.set(SEED_START); // frozen: the fuzzer's access token stays valid for the whole run
  seeded = await seed(s);
});
afterAll(() => s?.close());

describe('fuzzing the bff with schemathesis (GET /api/v1/openapi.json)', () => {
  it('finds no 5xx, no undocumented status and no answer that breaks its own schema, over every operation', async () => {
    const doc = (await call<{ paths: Record<string, Record<string, { operationId: string }>> }>(s.bffUrl, 'GET', '/api/v1/openapi.json')).body;
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    const r = await runFuzz(s, seeded, { maxExamples: Number(process.env.JSB_FUZZ_EXAMPLES ?? 20), timeoutSeconds: 240 });
    if (!r.ok) {
      console.log(`${r.command}\n\n${r.output}\n\nbff errors:\n${r.serverErrors.join('\n')}`);
    }
    expect({ timedOut: r.timedOut, findings: r.findings, exitCode: r.exitCode, seed: r.seed }).toEqual({
      timedOut: false,
      findings: [],
      exitCode: 0,
      seed: r.seed,
    });
    // every documented operation was exercised except the ones excluded with a reason
    expect(r.operations).toBe(operations.length - Object.keys(EXCLUDED_OPERATIONS).length);
    expect(r.serverErrors).toEqual([]);
  });
});
