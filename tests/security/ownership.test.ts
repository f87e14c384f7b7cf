/**
 * Every operation that takes an id refuses another citizen's id. The walk reads /api/v1/openapi.json at test time, so a
 * new route with a path parameter is checked as soon as it is mounted (and fails here until the map below knows whose
 * resource its parameter names).
 */
import sharp from 'sharp';
import type { SlotsResponse, UploadedPhoto } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, type ErrBody } from '../support/http';
import { seed, seededCitizen, SEED_START, type Seeded, type SeededCitizen } from '../support/seed';

jest.setTimeout(120_000);

interface Op {
  operationId: string;
  security: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type Doc = { paths: Record<string, Record<string, Op>> };

let s: Stack;
let owner: Seeded;
let other: SeededCitizen;
let doc: Doc;
let freeSlotId: string;

beforeAll(async () => {
  s = await startStack({ name: 'sec-ownership', start: SEED_START });
  s.clock.freeze();
  s.clock.set(SEED_START);
  owner = await seed(s);
  other = await seededCitizen(s);
  doc = (await call<Doc>(s.bffUrl, 'GET', '/api/v1/openapi.json')).body;
  const slots = await call<SlotsResponse>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&itemId=SH01', { token: other.accessToken });
  freeSlotId = slots.body.days
    .flatMap((d) => d.slots)
    .filter((x) => x.bookable)
    .at(-1)!.id;
});
afterAll(() => s?.close());

/** Whose resource a path parameter names, by the path it sits under: the owner's values to try. Public paths name public things. */
function ownerValues(path: string): string[] | 'public' | undefined {
  if (path.startsWith('/api/v1/appointments/{id}')) return [owner.appointmentId];
  if (path.startsWith('/api/v1/payments/{id}')) return [owner.paymentId];
  if (path.startsWith('/api/v1/complaints/{id}')) return [owner.complaintId];
  // 补正: the case waiting for it, its first material and the page uploaded for it
  if (path.startsWith('/api/v1/cases/{caseNo}/correction')) return [owner.correctionCaseNo];
  if (path.startsWith('/api/v1/cases/{caseNo}')) return [owner.openCaseNo, owner.closedCaseNo];
  if (path.startsWith('/api/v1/messages/{id}')) return [owner.messageId];
  // the public catalog and statistics: the same for everybody
  if (['/api/v1/items/{id}', '/api/v1/themes/{id}', '/api/v1/halls/{hallId}/rating-stats'].includes(path)) return 'public';
  return undefined;
}

/** The parameters after the first name a part of the owner's resource: their photo, their material and page. */
function fillOwnerParts(url: string): string {
  return url.replace('{photoId}', owner.complaintPhotoId).replace('{materialId}', 'M1').replace('{fileId}', owner.correctionFileId);
}

/** A body that passes validation, so the request reaches the ownership check instead of stopping at 400. */
function validBody(operationId: string): unknown {
  const bodies: Record<string, unknown> = {
    rescheduleAppointment: { slotId: freeSlotId },
    rateComplaintReply: { rating: '不满意', comment: '冒充别人评价' },
    reopenComplaint: { reason: '冒充别人申请重新办理' },
    requestMailing: {
      address: { recipient: '冒名者', phone: '13905370000', province: '山东省', city: '济宁市', district: '任城区', detail: '古槐路街道红星路1号' },
    },
    rateCase: { level: '非常不满意', tags: ['服务态度差'], comment: '冒充别人评价' },
    followUpRating: { level: '满意', tags: [], comment: '冒充别人追评' },
    // the file itself is the body; whose case it is decides before a byte of it is read
    uploadCorrectionFile: {},
  };
  if (!(operationId in bodies)) throw new Error(`no valid body known for ${operationId}: add one to validBody() in tests/security/ownership.test.ts`);
  return bodies[operationId];
}

/** What the owner sees of everything they have, to show nothing changed. */
async function ownerView(): Promise<Record<string, unknown>> {
  const t = owner.citizen.accessToken;
  const paths = [
    `/api/v1/appointments/${owner.appointmentId}`,
    `/api/v1/complaints/${owner.complaintId}`,
    `/api/v1/cases/${owner.openCaseNo}`,
    `/api/v1/cases/${owner.closedCaseNo}`,
    `/api/v1/cases/${owner.closedCaseNo}/rating`,
    `/api/v1/cases/${owner.openCaseNo}/mailing`,
    `/api/v1/payments/${owner.paymentId}`,
    `/api/v1/cases/${owner.correctionCaseNo}/correction`,
    `/api/v1/messages/${owner.messageId}`,
    '/api/v1/messages',
    '/api/v1/appointments',
    '/api/v1/complaints',
    '/api/v1/payments',
    '/api/v1/me',
  ];
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const r = await call<Partial<ErrBody>>(s.bffUrl, 'GET', p, { token: t });
    if (r.body?.error) delete (r.body.error as { requestId?: string }).requestId;
    out[p] = { status: r.status, body: r.body };
  }
  return out;
}

describe("another citizen's ids, on every operation that takes one (walked from the OpenAPI document)", () => {
  it('answers 404 (or a documented 403) and changes nothing; the answer is the same as for an id that does not exist', async () => {
    const before = await ownerView();
    const walked: string[] = [];
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      if (!params.length) continue;
      const values = ownerValues(path);
      if (values === undefined) {
        problems.push(`${path}: nobody told this test whose resource {${params.join('}, {')}} names — add it to ownerValues()`);
        continue;
      }
      for (const [method, op] of Object.entries(ops)) {
        if (values === 'public') {
          // public operations must really be public: no sign-in, nothing personal
          if (op.security.length) problems.push(`${op.operationId}: signed-in operation on a path listed as public`);
          continue;
        }
        if (!op.security.length) problems.push(`${op.operationId}: takes a citizen's id without sign-in`);
        for (const value of values) {
          // the first parameter names whose resource it is; a second one names a part of it (the owner's photo)
          const url = fillOwnerParts(path.replace(/\{[^}]+\}/, encodeURIComponent(value)));
          const body = op.requestBody ? validBody(op.operationId) : undefined;
          const r = await call<ErrBody>(s.bffUrl, method.toUpperCase(), url, {
            token: other.accessToken,
            body,
            headers: { 'idempotency-key': `idor-${op.operationId}-${value}`.slice(0, 60) },
          });
          walked.push(`${method.toUpperCase()} ${url}`);
          const allowed = r.status === 404 || (r.status === 403 && '403' in op.responses && r.body?.error?.code !== 'REAL_NAME_REQUIRED');
          if (!allowed) problems.push(`${method.toUpperCase()} ${url} as another citizen: ${r.status} ${r.text.slice(0, 200)}`);
          // indistinguishable from a missing id: an attacker learns nothing about whether it exists
          const missing = await call<ErrBody>(
            s.bffUrl,
            method.toUpperCase(),
            fillOwnerParts(
              path.replace(
                /\{[^}]+\}/,
                value.replace(/.$/, (c) => (c === '9' ? '8' : '9')),
              ),
            ),
            {
              token: other.accessToken,
              body,
            },
          );
          if (missing.status !== r.status || missing.body?.error?.code !== r.body?.error?.code || missing.body?.error?.message !== r.body?.error?.message) {
            problems.push(
              `${method.toUpperCase()} ${path}: another's id answers ${r.status} ${r.body?.error?.code}, a missing one ${missing.status} ${missing.body?.error?.code}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    console.log(`ownership walk: ${walked.length} calls with another citizen's ids, all refused:\n  ${walked.join('\n  ')}`);
    // the walk covered every signed-in operation with a path parameter (4 kinds of resource)
    expect(walked.length).toBeGreaterThanOrEqual(15);
    expect(await ownerView()).toEqual(before);
  });

  it("refuses ids of another citizen's things inside a body: paying their fee, attaching their photo", async () => {
    const fee = await call<{ id: string }>(s.coreUrl, 'POST', '/__mock/fees', {
      body: { idNumber: owner.citizen.idNumber, caseNumber: owner.closedCaseNo, title: '工本费', amountFen: 1000 },
    });
    const pay = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/payments', { token: other.accessToken, body: { payableId: fee.body.id } });
    expect(pay.status).toBe(404);
    expect(pay.text).not.toContain('工本费');

    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e86de' } })
      .png()
      .toBuffer();
    const up = await fetch(`${s.bffUrl}/api/v1/complaints/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.citizen.accessToken}`, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    expect(up.status).toBe(201);
    const photo = (await up.json()) as UploadedPhoto;
    const theirs = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/complaints', {
      token: other.accessToken,
      body: {
        category: '推诿/说"No"',
        target: { hallId: 'city', zoneId: 'shangshi', windowNo: '3' },
        description: '借用别人的照片提交找茬',
        anonymous: false,
        photoIds: [photo.id],
      },
    });
    expect(theirs.status).toBe(422);
    expect(theirs.body.error.code).toBe('PHOTO_NOT_FOUND');
  });

  it('lists only my own things', async () => {
    for (const p of ['/api/v1/appointments', '/api/v1/complaints', '/api/v1/payments', '/api/v1/cases', '/api/v1/bills/mine', '/api/v1/messages']) {
      const r = await call(s.bffUrl, 'GET', p, { token: other.accessToken });
      expect(r.status).toBe(200);
      for (const id of [
        owner.appointmentId,
        owner.complaintId,
        owner.paymentId,
        owner.openCaseNo,
        owner.closedCaseNo,
        owner.feeId,
        owner.messageId,
        owner.correctionCaseNo,
      ])
        expect(r.text).not.toContain(id);
    }
  });
});
