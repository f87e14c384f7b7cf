import sharp from 'sharp';
import type { CaseDetail, CaseSummary, Correction, CorrectionFile, MessageList } from '@jsb/shared';
import { call, type ErrBody } from '../support/http';
import { citizenWithPerson, openCase, staff, type Citizen } from '../support/cases';
import { renew } from '../support/citizens';
import { syncEvents } from '../support/events';
import { startStack, type Stack } from '../support/stack';
import { MATERIALS, minimalPdf, upload } from '../support/corrections';

// a loaded 2-core CI machine: several of these stories take more than jest's default 5 s there
jest.setTimeout(30_000);

// Mon 2 Mar 2026, 09:00 in Jining: 10 working days of 补正 end on Mon 16 Mar
const START = new Date('2026-03-02T01:00:00Z');

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'corrections', start: START });
  s.clock.freeze();
});
afterAll(() => s.close());
afterEach(() => {
  s.core.faults.clear();
  s.clock.set(START);
});

async function pausedCase(c: Citizen): Promise<string> {
  const { caseNo } = await openCase(s, c.personId, 'SS05');
  await staff(s, `/cases/${caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
  await staff(s, `/cases/${caseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
  return caseNo;
}
const getCase = (c: Citizen, caseNo: string) => call<CaseDetail>(s.bffUrl, 'GET', `/api/v1/cases/${caseNo}`, { token: c.accessToken });
const correction = (c: Citizen, caseNo: string) => call<Correction & ErrBody>(s.bffUrl, 'GET', `/api/v1/cases/${caseNo}/correction`, { token: c.accessToken });
const submit = (c: Citizen, caseNo: string, key?: string, url = s.bffUrl) =>
  call<Correction & ErrBody>(url, 'POST', `/api/v1/cases/${caseNo}/correction/submissions`, {
    token: c.accessToken,
    headers: key ? { 'idempotency-key': key } : {},
  });
const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#f5f5f0' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Zhao Liu' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 24/1 0/1' } })
    .toBuffer();

describe('GET /api/v1/cases/:caseNo while it waits for 补正', () => {
  it('shows each missing material, the deadline in working days from the rule and the counter, told apart from 审查中', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    const d = (await getCase(c, caseNo)).body;
    expect(d.statusLabel).toBe('待补正（暂停计时）');
    expect(d.countdown?.state).toBe('paused');
    expect(d.correction).toMatchObject({
      state: 'requested',
      stateLabel: '待补正',
      deadline: '2026-03-16',
      workingDays: 10,
      workingDaysLeft: 10,
      overdue: false,
      canUpload: true,
      canSubmit: false,
      queued: false,
      materials: [
        { id: 'M1', name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件', formLabel: '复印件1份', files: [] },
        { id: 'M2', name: '健康证明', reason: '从业人员健康证明已过期', copies: 2, form: '原件及复印件', formLabel: '原件及复印件2份', files: [] },
      ],
      counter: {
        hallName: '市为民服务中心',
        windowNo: expect.stringMatching(/^[A-Z]\d+$/),
        address: expect.any(String),
        phone: expect.any(String),
        hours: expect.any(String),
      },
      limits: { maxFilesPerMaterial: 10, fileMaxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] },
    });
    expect(d.correction!.notice).toMatch(/^请在3月16日前（还剩10个工作日）为每项材料拍照或上传PDF后提交；也可以带齐材料到市为民服务中心[A-Z]\d+号窗口补交/);
    const listed = (await call<{ cases: CaseSummary[] }>(s.bffUrl, 'GET', '/api/v1/cases', { token: c.accessToken })).body.cases[0]!;
    expect(listed).toMatchObject({
      caseNo,
      statusLabel: '待补正（暂停计时）',
      correction: { state: 'requested', deadline: '2026-03-16', workingDaysLeft: 10 },
    });
  });
});

describe('POST /api/v1/cases/:caseNo/correction/materials/:materialId/files', () => {
  it('takes photos of pages (EXIF and GPS removed) and PDFs (metadata removed), several per material, as raw bytes or multipart', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    const jpeg = await photo();
    const p1 = await upload(s, c, caseNo, 'M1', jpeg, 'image/jpeg');
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ type: 'image/jpeg', pages: 1, submitted: false, metadataRemoved: true });
    const back = Buffer.from(
      await (
        await fetch(`${s.bffUrl}/api/v1/cases/${caseNo}/correction/materials/M1/files/${p1.body.id}`, { headers: { authorization: `Bearer ${c.accessToken}` } })
      ).arrayBuffer(),
    );
    expect((await sharp(back).metadata()).exif).toBeUndefined();
    expect(back.toString('latin1')).not.toContain('Zhao Liu');

    const pdf = await upload(s, c, caseNo, 'M1', minimalPdf('Zhao Liu'), 'application/octet-stream', 'scan.pdf');
    expect(pdf.body).toMatchObject({ type: 'application/pdf', pages: 2, metadataRemoved: true });
    const pdfBack = Buffer.from(
      await (
        await fetch(`${s.bffUrl}/api/v1/cases/${caseNo}/correction/materials/M1/files/${pdf.body.id}`, {
          headers: { authorization: `Bearer ${c.accessToken}` },
        })
      ).arrayBuffer(),
    );
    expect(pdfBack.toString('latin1')).not.toContain('Zhao Liu');

    // wx.uploadFile sends multipart/form-data
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'page2.jpg');
    const multi = await fetch(`${s.bffUrl}/api/v1/cases/${caseNo}/correction/materials/M2/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.accessToken}` },
      body: form,
    });
    expect(multi.status).toBe(201);

    const k = (await correction(c, caseNo)).body;
    expect(k.materials.map((m) => m.files.length)).toEqual([2, 1]);
    expect(k.canSubmit).toBe(true);
    // a page taken badly is removed before submitting
    const left = await call<Correction>(s.bffUrl, 'DELETE', `/api/v1/cases/${caseNo}/correction/materials/M1/files/${p1.body.id}`, { token: c.accessToken });
    expect(left.body.materials[0]!.files.map((f) => f.id)).toEqual([pdf.body.id]);
  });

  it('refuses what is not a photo or PDF, what is too large, and a PDF it cannot review, each saying what to do', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    const text = await upload(s, c, caseNo, 'M1', Buffer.from('not a photo at all'), 'image/jpeg', 'fake.jpg');
    expect(text.status).toBe(415);
    expect((text.body as unknown as ErrBody).error).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: '“fake.jpg”不是照片或PDF。',
      hint: expect.stringContaining('PDF'),
    });
    const big = await upload(s, c, caseNo, 'M1', Buffer.alloc(5 * 1024 * 1024 + 10, 1), 'application/pdf');
    expect(big.status).toBe(413);
    expect((big.body as unknown as ErrBody).error.code).toBe('FILE_TOO_LARGE');
    const locked = await upload(s, c, caseNo, 'M1', minimalPdf('x', '/Encrypt 9 0 R '), 'application/pdf');
    expect(locked.status).toBe(422);
    expect((locked.body as unknown as ErrBody).error).toMatchObject({ code: 'FILE_UNREADABLE', message: '这个PDF设置了密码，窗口无法打开审核。' });
    const nothing = await upload(s, c, caseNo, 'M9', await photo(), 'image/jpeg');
    expect(nothing.status).toBe(404);
    expect((await correction(c, caseNo)).body.materials.every((m) => m.files.length === 0)).toBe(true);
  });
});

describe('POST /api/v1/cases/:caseNo/correction/submissions', () => {
  it('says 已补交，等待审核 at once even while the core is down, hands it over once when it is back, and the clock runs again when accepted', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    await correction(c, caseNo); // the phone shows the 补正 page (the bff remembers what the core said)
    // the outage is met by an instance of its own: its circuit breaker opens, the others' stay closed for what follows
    const down = await s.addInstance();
    s.core.faults.update({ outage: true, pathPrefix: '/core/v1/cases' });
    expect((await upload({ bffUrl: down.url }, c, caseNo, 'M1', await photo(), 'image/jpeg')).status).toBe(201);
    expect((await upload({ bffUrl: down.url }, c, caseNo, 'M2', minimalPdf('a'), 'application/pdf')).status).toBe(201);
    const sent = await submit(c, caseNo, 'bz-submit-0001', down.url);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'submitted', stateLabel: '已补交，等待审核', queued: true, canUpload: false, canSubmit: false });
    expect(sent.body.notice).toBe('已补交。政务系统暂时连不上，恢复后自动转交，不需要重新提交。');
    expect((await submit(c, caseNo, 'bz-submit-0001', down.url)).body.queued).toBe(true); // the same tap again: the same submission

    s.core.faults.clear();
    await down.close();
    s.clock.advance(60_000); // the relay's next attempt is due
    await s.bff.outbox.relay();
    await s.bff.outbox.relay();
    const held = s.core.state.cases.cases.get(caseNo)!.corrections[0]!;
    expect(held.submissions).toHaveLength(1);
    expect(held.materials.map((m) => m.fileIds.length)).toEqual([1, 1]);
    const waiting = (await getCase(c, caseNo)).body;
    expect(waiting.statusLabel).toBe('已补交，等待审核');
    expect(waiting.correction).toMatchObject({ state: 'submitted', queued: false });
    expect(waiting.correction!.materials.every((m) => m.files.every((f: CorrectionFile) => f.submitted))).toBe(true);

    s.clock.set(new Date('2026-03-04T02:00:00Z'));
    await renew(s, c);
    await staff(s, `/cases/${caseNo}/correction/accept`);
    const running = (await getCase(c, caseNo)).body;
    expect(running.statusLabel).toBe('审查中');
    expect(running.countdown?.state).toBe('running');
    expect(running.correction).toMatchObject({ state: 'accepted', stateLabel: '补正已通过，恢复计时' });
    expect(running.correction!.notice).toMatch(/^补正材料已通过，办理时限已恢复计算：承诺时限还剩\d+个工作日，预计\d+月\d+日前办结。$/);
    await syncEvents(s.bff);
    const titles = (await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: c.accessToken })).body.messages.map((m) => m.title);
    expect(titles.slice(0, 3)).toEqual(['补正材料已通过，恢复计时', '已收到补交的材料', '需要补正材料']);
  });

  it('says why a submission fell short and what to do; only the material found wanting is uploaded again', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    const m1 = await upload(s, c, caseNo, 'M1', await photo(), 'image/jpeg');
    await upload(s, c, caseNo, 'M2', await photo(), 'image/jpeg');
    expect((await submit(c, caseNo)).body.state).toBe('submitted');
    await staff(s, `/cases/${caseNo}/correction/reject`, {
      reason: '健康证明看不清',
      whatToDo: '请在光线充足处重新拍摄健康证明正反面',
      materials: [{ id: 'M2', reason: '照片模糊，看不清有效期', whatToDo: '重新拍摄正反两面' }],
    });
    const k = (await correction(c, caseNo)).body;
    expect(k).toMatchObject({
      state: 'rejected',
      stateLabel: '补正未通过，请重新补交',
      canUpload: true,
      canSubmit: false,
      rejection: { reason: '健康证明看不清', whatToDo: '请在光线充足处重新拍摄健康证明正反面' },
    });
    expect(k.notice).toContain('健康证明看不清。请在光线充足处重新拍摄健康证明正反面；请在3月16日前');
    expect(k.materials[0]).toMatchObject({ files: [{ id: m1.body.id, submitted: true }] });
    expect(k.materials[1]).toMatchObject({ files: [], rejection: { reason: '照片模糊，看不清有效期', whatToDo: '重新拍摄正反两面' } });
    expect((await getCase(c, caseNo)).body.statusLabel).toBe('待重新补正（暂停计时）');
    const short = await submit(c, caseNo);
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'MATERIAL_MISSING', message: '还需要上传：“健康证明”。' });
    const again = await upload(s, c, caseNo, 'M2', await photo(), 'image/jpeg');
    expect((await submit(c, caseNo)).body.state).toBe('submitted');
    const held = s.core.state.cases.cases.get(caseNo)!.corrections[0]!;
    expect(held.materials.map((m) => m.fileIds)).toEqual([[m1.body.id], [again.body.id]]);
  });

  it('refuses a 补正 handed in after the deadline and sends the citizen to the window; one that reached the core late says so', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await pausedCase(c);
    await upload(s, c, caseNo, 'M1', await photo(), 'image/jpeg');
    await upload(s, c, caseNo, 'M2', await photo(), 'image/jpeg');
    // submitted on the last day while the core is down; it reaches the core the day after
    s.clock.set(new Date('2026-03-16T08:00:00Z'));
    await renew(s, c);
    await correction(c, caseNo);
    const down = await s.addInstance();
    s.core.faults.update({ outage: true, pathPrefix: '/core/v1/cases' });
    const queued = await submit(c, caseNo, undefined, down.url);
    expect(queued.body).toMatchObject({ state: 'submitted', queued: true });
    s.clock.set(new Date('2026-03-17T02:00:00Z'));
    await renew(s, c);
    s.core.faults.clear();
    await down.close();
    await s.bff.outbox.relay();
    const k = (await correction(c, caseNo)).body;
    expect(k).toMatchObject({ state: 'rejected', overdue: true, canUpload: false, rejection: { reason: '材料送达政务系统时已超过补正期限' } });
    expect(k.notice).toMatch(/^补正期限已于3月16日结束，不能在网上补交了；请带齐材料到市为民服务中心[A-Z]\d+号窗口咨询办理（电话[\d-]+）。$/);
    const late = await upload(s, c, caseNo, 'M1', await photo(), 'image/jpeg');
    expect(late.status).toBe(409);
    expect((late.body as unknown as ErrBody).error).toMatchObject({ code: 'CORRECTION_OVERDUE', hint: k.notice });
  });

  it("answers 404 for another citizen's case, file or material, exactly like a missing one", async () => {
    const [a, b] = [await citizenWithPerson(s), await citizenWithPerson(s)];
    const caseNo = await pausedCase(a);
    const f = await upload(s, a, caseNo, 'M1', await photo(), 'image/jpeg');
    const other = await upload(s, b, caseNo, 'M1', await photo(), 'image/jpeg');
    const missing = await upload(s, b, 'JN2099010100001', 'M1', await photo(), 'image/jpeg');
    expect(other.status).toBe(404);
    expect((other.body as unknown as ErrBody).error.message).toBe((missing.body as unknown as ErrBody).error.message);
    expect((await call(s.bffUrl, 'GET', `/api/v1/cases/${caseNo}/correction/materials/M1/files/${f.body.id}`, { token: b.accessToken })).status).toBe(404);
    expect((await call(s.bffUrl, 'DELETE', `/api/v1/cases/${caseNo}/correction/materials/M1/files/${f.body.id}`, { token: b.accessToken })).status).toBe(404);
    expect((await submit(b, caseNo)).status).toBe(404);
    expect((await correction(a, caseNo)).body.materials[0]!.files).toHaveLength(1);
  });
});
