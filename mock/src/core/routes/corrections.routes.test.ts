import { request } from '../../infra/http-test';
import { SEED_PERSONS } from '../seed/persons';
import { startCore, type CoreHarness } from '../testing';

// The harness clock: Mon 2 Mar 2026, 09:00 in Jining.
const KONG = SEED_PERSONS.find((p) => p.name === '孔令华')!.personId;
const ZHANG = SEED_PERSONS.find((p) => p.name === '张伟')!.personId;

let core: CoreHarness;
beforeEach(async () => {
  core = await startCore();
});
afterEach(() => core.close());

const admin = (method: string, path: string, body?: unknown) =>
  request(`${core.url}/__mock${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

const MATERIALS = [
  { name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' },
  { name: '健康证明', reason: '从业人员健康证明已过期', copies: 2, form: '原件及复印件' },
];

async function pausedCase(): Promise<{ no: string; correctionId: string }> {
  const no = (await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05', accept: true })).body.caseNo;
  const paused = await admin('POST', `/staff/cases/${no}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
  return { no, correctionId: paused.body.correction.id };
}
const file = (no: string, fileId: string, materialId: string, personId = KONG) =>
  core.call('POST', `/core/v1/cases/${no}/corrections/files`, {
    personId,
    fileId,
    materialId,
    contentType: 'image/jpeg',
    dataBase64: Buffer.from('jpeg').toString('base64'),
    pages: 1,
  });
const submit = (no: string, correctionId: string, requestId: string, materials: { materialId: string; fileIds: string[] }[]) =>
  core.call('POST', `/core/v1/cases/${no}/corrections/${correctionId}/submissions`, { personId: KONG, requestId, materials });

describe('补正 at the core', () => {
  it('tells every material, its reason, copies and form, the deadline from the rule and the counter', async () => {
    const { no } = await pausedCase();
    const c = (await core.call('GET', `/core/v1/cases/${no}?personId=${KONG}`)).body;
    expect(c.correction).toMatchObject({
      state: 'requested',
      deadline: '2026-03-16',
      workingDays: 10,
      workingDaysLeft: 10,
      overdue: false,
      submissions: 0,
      materials: [
        { id: 'M1', name: '经营场所平面图', copies: 1, form: '复印件', files: [] },
        { id: 'M2', name: '健康证明', copies: 2, form: '原件及复印件', files: [] },
      ],
      counter: { hallName: '市为民服务中心', windowNo: c.windowNo, address: expect.any(String), phone: expect.any(String), hours: expect.any(String) },
    });
  });

  it('takes files, then one submission per request id; refuses a submission that misses a material or another person', async () => {
    const { no, correctionId } = await pausedCase();
    expect((await file(no, 'file-m1-000001', 'M1')).status).toBe(201);
    expect((await file(no, 'file-m1-000001', 'M1')).status).toBe(201); // a retried upload is the same file
    expect((await file(no, 'file-zz-000001', 'M1', ZHANG)).status).toBe(404);
    const missing = await submit(no, correctionId, 'req-1', [{ materialId: 'M1', fileIds: ['file-m1-000001'] }]);
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'MATERIAL_MISSING', materials: ['M2'] });
    await file(no, 'file-m2-000001', 'M2');
    const both = [
      { materialId: 'M1', fileIds: ['file-m1-000001'] },
      { materialId: 'M2', fileIds: ['file-m2-000001'] },
    ];
    const ok = await submit(no, correctionId, 'req-2', both);
    expect(ok.status).toBe(201);
    expect(ok.body.correction).toMatchObject({ state: 'submitted', submissions: 1 });
    expect(ok.body.countdown.state).toBe('paused'); // the clock runs again only when the window accepts
    expect((await submit(no, correctionId, 'req-2', both)).status).toBe(200);
    expect((await submit(no, correctionId, 'req-3', both)).body).toMatchObject({ code: 'CORRECTION_NOT_OPEN' });
  });

  it('says why a submission fell short, takes another, and resumes the clock when the window accepts it', async () => {
    const { no, correctionId } = await pausedCase();
    await file(no, 'file-m1-000001', 'M1');
    await file(no, 'file-m2-000001', 'M2');
    await submit(no, correctionId, 'req-1', [
      { materialId: 'M1', fileIds: ['file-m1-000001'] },
      { materialId: 'M2', fileIds: ['file-m2-000001'] },
    ]);
    const rejected = await admin('POST', `/staff/cases/${no}/correction/reject`, {
      reason: '健康证明照片看不清',
      whatToDo: '请在光线充足处重新拍摄健康证明正反面',
      materials: [{ id: 'M2', reason: '照片模糊，看不清有效期', whatToDo: '重新拍摄正反两面' }],
    });
    expect(rejected.body.correction).toMatchObject({
      state: 'rejected',
      materials: [{ id: 'M1' }, { id: 'M2', rejection: { reason: '照片模糊，看不清有效期' } }],
    });
    expect(rejected.body.correction.materials[0].rejection).toBeUndefined();
    await file(no, 'file-m2-000002', 'M2');
    await submit(no, correctionId, 'req-2', [
      { materialId: 'M1', fileIds: ['file-m1-000001'] },
      { materialId: 'M2', fileIds: ['file-m2-000002'] },
    ]);
    const accepted = await admin('POST', `/staff/cases/${no}/correction/accept`);
    expect(accepted.body.correction).toMatchObject({ state: 'accepted', how: 'online', submissions: 2 });
    expect(accepted.body.countdown.state).toBe('running');
    const events = (await admin('GET', `/events?personId=${KONG}`)).body.events.filter((e: { stream: string }) => e.stream === `case:${no}`);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'case.accepted',
      'case.correction-requested',
      'case.correction-received',
      'case.correction-rejected',
      'case.correction-received',
      'case.correction-accepted',
    ]);
  });

  it('refuses a submission after the deadline: the applicant is told to come to the window', async () => {
    const { no, correctionId } = await pausedCase();
    await file(no, 'file-m1-000001', 'M1');
    await file(no, 'file-m2-000001', 'M2');
    core.clock.set(new Date('2026-03-17T02:00:00Z'));
    const late = await submit(no, correctionId, 'req-1', [
      { materialId: 'M1', fileIds: ['file-m1-000001'] },
      { materialId: 'M2', fileIds: ['file-m2-000001'] },
    ]);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CORRECTION_OVERDUE', deadline: '2026-03-16' });
  });
});
