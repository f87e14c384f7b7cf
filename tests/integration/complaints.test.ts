import sharp from 'sharp';
import type { Complaint, ComplaintList, TokenPair, UploadedPhoto } from '@jsb/shared';
import { createCoreClient } from '@jsb/bff';
import { startStack, type BffInstance, type Stack } from '../support/stack';
import { call, type ErrBody } from '../support/http';
import { renew, verifiedCitizen } from '../support/citizens';
import { abandonRequest } from '../support/idempotency';

jest.setTimeout(120_000);

// Thu 5 Mar 2026 10:00 in Jining. The reply is due 5 working days later: Thu 12 Mar (the weekend 7–8 Mar does not count).
const T0 = new Date('2026-03-05T02:00:00.000Z');

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'complaints', start: T0, env: { COMPLAINT_DAILY_LIMIT: '3' } });
  s.clock.freeze();
});
afterAll(() => s?.close());

type Citizen = TokenPair & { openid: string };

async function upload(c: Citizen, data: Buffer, opts: { type?: string; name?: string; base?: string } = {}) {
  const res = await fetch(`${opts.base ?? s.bffUrl}/api/v1/complaints/photos`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${c.accessToken}`,
      'content-type': opts.type ?? 'image/jpeg',
      ...(opts.name ? { 'x-file-name': encodeURIComponent(opts.name) } : {}),
    },
    body: new Uint8Array(data),
  });
  return { status: res.status, body: (await res.json()) as UploadedPhoto & ErrBody };
}

const form = (over: Record<string, unknown> = {}) => ({
  category: '推诿/说"No"',
  target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' },
  description: '窗口说材料不全，但没有一次说清缺什么',
  anonymous: false,
  photoIds: [],
  ...over,
});

const submit = (c: Citizen, body: Record<string, unknown> = form(), key?: string, base = s.bffUrl) =>
  call<Complaint & ErrBody>(base, 'POST', '/api/v1/complaints', { token: c.accessToken, body, headers: key ? { 'idempotency-key': key } : {} });
const detail = (c: Citizen, id: string) => call<Complaint & ErrBody>(s.bffUrl, 'GET', `/api/v1/complaints/${id}`, { token: c.accessToken });
const staff = (id: string, op: string, body: Record<string, unknown> = {}) => call(s.coreUrl, 'POST', `/__mock/staff/complaints/${id}/${op}`, { body });

/** true when the bytes hold an EXIF GPS IFD pointer (tag 0x8825) in either byte order */
const hasGpsTag = (b: Buffer) => b.includes(Buffer.from([0x88, 0x25])) || b.includes(Buffer.from([0x25, 0x88]));

async function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'JiningCam', Model: 'T1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 24/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 35/1 0/1' },
    })
    .toBuffer();
}

describe('POST /api/v1/complaints/photos (uploadComplaintPhoto)', () => {
  let c: Citizen;
  beforeAll(async () => {
    c = await verifiedCitizen(s);
  });

  it('removes GPS and camera data: neither the stored nor the forwarded photo has EXIF', async () => {
    const original = await gpsJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(hasGpsTag((await sharp(original).metadata()).exif!)).toBe(true);

    const up = await upload(c, original, { name: 'IMG_0001.jpg' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ type: 'image/jpeg', width: 320, height: 240, metadataRemoved: true });

    const stored = await s.db.collection('complaint_photos').findOne({ _id: up.body.id as never });
    const storedBytes = Buffer.from(stored!.data.buffer);
    const meta = await sharp(storedBytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(storedBytes.includes(Buffer.from('JiningCam'))).toBe(false);

    const created = await submit(c, form({ photoIds: [up.body.id] }));
    expect(created.status).toBe(201);
    expect(created.body.photoCount).toBe(1);
    const forwarded = s.core.state.complaints.photos.get(up.body.id)!;
    const fmeta = await sharp(forwarded.data).metadata();
    expect(fmeta.exif).toBeUndefined();
    expect(forwarded.data.includes(Buffer.from('JiningCam'))).toBe(false);
  });

  it('shows the citizen their own photos again (without metadata), from the bff while it keeps a copy, then from the core; nobody else', async () => {
    const up = await upload(c, await gpsJpeg(), { name: 'IMG_0002.jpg' });
    const created = await submit(c, form({ photoIds: [up.body.id] }));
    expect(created.body.photoIds).toEqual([up.body.id]);
    const photoUrl = (id: string, photoId: string) => `${s.bffUrl}/api/v1/complaints/${id}/photos/${photoId}`;
    const get = (token: string, id = created.body.id, photoId = up.body.id) => fetch(photoUrl(id, photoId), { headers: { authorization: `Bearer ${token}` } });

    const res = await get(c.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(meta.exif).toBeUndefined();
    // by tracking number too
    expect((await get(c.accessToken, created.body.trackingNo!)).status).toBe(200);

    // the bff's own copy is gone (a day after delivery): the core's copy is shown, the same bytes
    await s.db.collection('complaint_photos').deleteOne({ _id: up.body.id as never });
    const later = await get(c.accessToken);
    expect(later.status).toBe(200);
    expect(Buffer.from(await later.arrayBuffer()).equals(bytes)).toBe(true);

    // another citizen, or a photo that is not this complaint's: 404 with a Chinese message, no bytes
    const other = await verifiedCitizen(s);
    for (const r of [
      await get(other.accessToken),
      await get(other.accessToken, created.body.trackingNo!),
      await get(c.accessToken, created.body.id, 'ph_000000000000000000000000'),
    ]) {
      expect(r.status).toBe(404);
      expect(((await r.json()) as ErrBody).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await fetch(photoUrl(created.body.id, up.body.id))).status).toBe(401);
  });

  it('accepts a PNG named .jpg as a PNG, sent raw or as multipart (wx.uploadFile)', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#2e86de' } })
      .png()
      .toBuffer();
    const raw = await upload(c, png, { type: 'image/jpeg', name: 'photo.jpg' });
    expect(raw.status).toBe(201);
    expect(raw.body.type).toBe('image/png');

    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(png)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${s.bffUrl}/api/v1/complaints/photos`, { method: 'POST', headers: { authorization: `Bearer ${c.accessToken}` }, body: fd });
    expect(res.status).toBe(201);
    expect(((await res.json()) as UploadedPhoto).type).toBe('image/png');
  });

  it('refuses a text file named .jpg with 415 PHOTO_TYPE_NOT_ALLOWED and a hint', async () => {
    const r = await upload(c, Buffer.from('这不是照片，只是一段文字。\n'.repeat(20)), { type: 'image/jpeg', name: 'notes.jpg' });
    expect(r.status).toBe(415);
    expect(r.body.error).toMatchObject({
      code: 'PHOTO_TYPE_NOT_ALLOWED',
      message: expect.stringContaining('notes.jpg'),
      hint: expect.stringContaining('重新拍照'),
    });
  });

  it('refuses a 6 MB photo with 413 PHOTO_TOO_LARGE and a hint', async () => {
    const big = await sharp({ create: { width: 1500, height: 1400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024);
    const r = await upload(c, big, { type: 'image/png', name: 'big.png' });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'PHOTO_TOO_LARGE', hint: expect.stringContaining('5 MB') });
  });

  it('refuses more than 4 photos with TOO_MANY_PHOTOS', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(c, png, { type: 'image/png' })).body.id);
    const r = await submit(c, form({ photoIds: ids }));
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'TOO_MANY_PHOTOS', hint: expect.any(String) });
  });
});

describe('POST /api/v1/complaints during a core outage (outbox)', () => {
  it('accepts complaints as queued, shows them, and delivers each exactly once after recovery, across a bff restart', async () => {
    const citizens = [await verifiedCitizen(s), await verifiedCitizen(s), await verifiedCitizen(s), await verifiedCitizen(s)];
    const photo = (await upload(citizens[0]!, await gpsJpeg())).body.id;
    s.core.faults.update({ outage: true });
    const accepted: Array<{ c: Citizen; id: string }> = [];
    for (const [i, c] of citizens.entries()) {
      for (let n = 0; n < 2; n++) {
        const body = form({ description: `大厅空调坏了，第${i}-${n}次反映`, category: '环境设施', photoIds: i === 0 && n === 0 ? [photo] : [] });
        const r = await submit(c, body, `outage-${i}-${n}-key`);
        expect(r.status).toBe(201);
        expect(r.body).toMatchObject({ status: 'queued', statusLabel: '已提交，等待转交', trackingNo: null });
        accepted.push({ c, id: r.body.id });
      }
    }
    // a double tap during the outage is the same complaint
    const again = await submit(citizens[0]!, form({ description: '大厅空调坏了，第0-0次反映', category: '环境设施', photoIds: [photo] }), 'outage-0-0-key');
    expect(again.body.id).toBe(accepted[0]!.id);

    // the citizen sees the queued state in the list and the detail
    const list = await call<ComplaintList>(s.bffUrl, 'GET', '/api/v1/complaints', { token: citizens[1]!.accessToken });
    expect(list.body.complaints.map((x) => x.status)).toEqual(['queued', 'queued']);
    expect((await detail(citizens[1]!, accepted[2]!.id)).body.timeline[0]).toMatchObject({ status: 'queued', note: expect.stringContaining('不需要重新提交') });

    // slow instead of down: the bff stops waiting after its timeout and queues the complaint
    // (through an instance whose circuit breaker has not opened during the outage)
    s.core.faults.update({ outage: false, latencyMs: 2000 });
    const fresh = await s.addInstance();
    const slow = await submit(citizens[3]!, form({ description: '叫号机一直不出号', category: '系统设备故障' }), 'slow-key-0001', fresh.url);
    expect(slow.body.status).toBe('queued');
    accepted.push({ c: citizens[3]!, id: slow.body.id });

    // one delivery went through but its answer was lost on the way back: the core already holds that request id
    const lost = await s.db.collection('outbox').findOne({ 'payload.ref': accepted[1]!.id });
    const { ref, hallName: _h, zoneName: _z, ...payload } = lost!.payload;
    const direct = createCoreClient({ baseUrl: s.coreUrl, clientId: s.config.CORE_CLIENT_ID, secret: s.config.CORE_HMAC_SECRET, timeoutMs: 3000 });
    await direct.call('/core/v1/complaints', { method: 'POST', body: { ...payload, clientRef: ref, requestId: String(lost!._id) } });

    // the bff restarts: the instance that queued them is gone; two fresh instances relay at the same time
    s.core.faults.clear();
    const restarted: BffInstance[] = [await s.addInstance(), await s.addInstance()];
    s.clock.advance(60_000); // past the retry back-off
    const rounds = [];
    for (let round = 0; round < 3; round++) rounds.push(await Promise.all(restarted.map((b) => b.outbox.relay())));

    const perRequest = new Map<string, number>();
    for (const rec of s.core.state.complaints.byId.values()) if (rec.requestId) perRequest.set(rec.requestId, (perRequest.get(rec.requestId) ?? 0) + 1);
    const ids = accepted.map((a) => a.id);
    const entries = await s.db
      .collection('outbox')
      .find({ 'payload.ref': { $in: ids } })
      .toArray();
    const delivered = entries.filter((e) => e.state === 'delivered').length;
    const duplicates = [...perRequest.values()].reduce((sum, n) => sum + (n - 1), 0);
    const figures = {
      accepted: accepted.length,
      queued: accepted.length,
      delivered,
      duplicates,
      coreComplaints: entries.filter((e) => perRequest.get(String(e._id)) === 1).length,
    };
    console.log(`complaints outage figures: ${JSON.stringify(figures)}`);
    expect(figures).toEqual({ accepted: 9, queued: 9, delivered: 9, duplicates: 0, coreComplaints: 9 });
    expect(s.core.state.complaints.photos.has(photo)).toBe(true);

    // the tracking number appears once the core has it
    for (const { c, id } of accepted) {
      const d = await detail(c, id);
      expect(d.body).toMatchObject({ id, status: 'submitted', trackingNo: expect.stringMatching(/^ZC20260305\d{4}$/) });
    }
  });
});

describe("the core's 找茬 intake down while its other services are up", () => {
  it('queues the complaints and still answers my cases and my appointments (one circuit per core service)', async () => {
    const b = await s.addInstance(); // circuits that have seen nothing yet
    const citizens = [await verifiedCitizen(s), await verifiedCitizen(s)];
    s.core.faults.update({ outage: true, pathPrefix: '/core/v1/complaints' });
    try {
      const answers = [];
      for (const [i, c] of citizens.entries()) {
        for (let n = 0; n < 3; n++)
          answers.push((await submit(c, form({ description: `取号机坏了，第${i}-${n}次反映` }), `intake-down-${i}-${n}`, b.url)).body.status);
      }
      expect(answers).toEqual(Array(6).fill('queued'));
      const cases = await call<{ cases: unknown[] } & ErrBody>(b.url, 'GET', '/api/v1/cases', { token: citizens[0]!.accessToken });
      const appointments = await call<{ appointments: unknown[] } & ErrBody>(b.url, 'GET', '/api/v1/appointments', { token: citizens[1]!.accessToken });
      expect([cases.status, cases.body.error?.code]).toEqual([200, undefined]);
      expect([appointments.status, appointments.body.error?.code]).toEqual([200, undefined]);
    } finally {
      s.core.faults.clear();
    }
  });
});

describe('找茬 rules seen through the bff', () => {
  it('shows staff no name or phone for an anonymous complaint', async () => {
    const c = await verifiedCitizen(s);
    const me = await s.db.collection('citizens').findOne({ openid: c.openid });
    const person = [...s.core.state.persons.values()].find((p) => p.personId === me!.realName.personId)!;
    const r = await submit(c, form({ anonymous: true }));
    expect(r.body.anonymous).toBe(true);
    const view = await call<{ citizen: unknown; anonymous: boolean }>(s.coreUrl, 'GET', `/__mock/staff/complaints/${r.body.trackingNo}`);
    expect(view.body).toMatchObject({ anonymous: true, citizen: null });
    for (const secret of [person.name, person.idNumber, person.personId, c.openid]) expect(view.text).not.toContain(secret);
    const named = await submit(c, form({ description: '窗口工作人员态度生硬' }));
    expect((await call<{ citizen: { name: string } }>(s.coreUrl, 'GET', `/__mock/staff/complaints/${named.body.trackingNo}`)).body.citizen.name).toBe(
      person.name,
    );
  });

  it('marks the complaint overdue after 5 working days on the mock clock, not after 5 calendar days', async () => {
    s.clock.set(T0);
    const c = await verifiedCitizen(s);
    const r = await submit(c, form());
    expect(r.body.sla).toMatchObject({ acknowledgeBy: '2026-03-06', replyBy: '2026-03-12', replyOverdue: false });
    s.clock.set(new Date('2026-03-11T02:00:00Z')); // Wed: 6 calendar days, 4 working days
    await renew(s, c);
    expect((await detail(c, r.body.id)).body).toMatchObject({ overdue: true, sla: { acknowledgeOverdue: true, replyOverdue: false, replyWorkingDaysLeft: 1 } });
    await staff(r.body.trackingNo!, 'acknowledge');
    expect((await detail(c, r.body.id)).body.overdue).toBe(false);
    s.clock.set(new Date('2026-03-13T02:00:00Z')); // Fri: the 6th working day
    await renew(s, c);
    const late = (await call<ComplaintList>(s.bffUrl, 'GET', '/api/v1/complaints', { token: c.accessToken })).body.complaints[0]!;
    expect(late).toMatchObject({ overdue: true, sla: { replyOverdue: true, replyWorkingDaysLeft: -1 } });
    s.clock.set(T0);
  });

  it("answers 404 for another citizen's complaint, by id and by tracking number, for every operation", async () => {
    const [a, b] = [await verifiedCitizen(s), await verifiedCitizen(s)];
    const r = await submit(a, form());
    for (const id of [r.body.id, r.body.trackingNo!]) {
      expect((await detail(b, id)).status).toBe(404);
      expect((await call(s.bffUrl, 'POST', `/api/v1/complaints/${id}/rating`, { token: b.accessToken, body: { rating: '满意' } })).status).toBe(404);
      expect((await call(s.bffUrl, 'POST', `/api/v1/complaints/${id}/reopen`, { token: b.accessToken, body: { reason: '问题没有解决' } })).status).toBe(404);
    }
    expect((await call<ComplaintList>(s.bffUrl, 'GET', '/api/v1/complaints', { token: b.accessToken })).body.complaints).toEqual([]);
  });

  it('rates the reply once and reopens once within 7 days, each refusal saying why', async () => {
    s.clock.set(T0);
    const c = await verifiedCitizen(s);
    const r = await submit(c, form());
    const early = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/rating`, { token: c.accessToken, body: { rating: '满意' } });
    expect(early.body.error.code).toBe('COMPLAINT_NOT_REPLIED');
    const notYet = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/reopen`, { token: c.accessToken, body: { reason: '还没有解决' } });
    expect(notYet.body.error).toMatchObject({ code: 'REOPEN_NOT_ALLOWED', details: { reason: 'NOT_REPLIED' } });

    await staff(r.body.trackingNo!, 'reply', { text: '已核实，已向您补充说明所缺材料' });
    const replied = (await detail(c, r.body.id)).body;
    expect(replied).toMatchObject({ status: 'replied', canRate: true, canReopen: true, replies: [{ text: '已核实，已向您补充说明所缺材料' }] });
    const rated = await call<Complaint>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/rating`, {
      token: c.accessToken,
      body: { rating: '不满意', comment: '还是没说清' },
    });
    expect(rated.body).toMatchObject({ canRate: false, replies: [{ rating: '不满意' }] });
    const twice = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/rating`, { token: c.accessToken, body: { rating: '满意' } });
    expect(twice.body.error.code).toBe('COMPLAINT_ALREADY_RATED');

    const reopened = await call<Complaint>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/reopen`, {
      token: c.accessToken,
      body: { reason: '材料清单还是不全' },
    });
    expect(reopened.body).toMatchObject({ status: 'reopened', canReopen: false, sla: { replyBy: '2026-03-12' } });
    await staff(r.body.trackingNo!, 'reply', { text: '已补齐清单并当面致歉' });
    const again = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/complaints/${r.body.id}/reopen`, { token: c.accessToken, body: { reason: '想再办一次' } });
    expect(again.body.error).toMatchObject({
      code: 'REOPEN_NOT_ALLOWED',
      message: expect.stringContaining('已经重新办理过一次'),
      details: { reason: 'ALREADY_REOPENED' },
    });

    const other = await submit(c, form({ description: '办事效率低，等了两个小时' }));
    await staff(other.body.trackingNo!, 'reply', { text: '已调整窗口人员' });
    s.clock.set(new Date(T0.getTime() + 8 * 86400_000));
    await renew(s, c);
    const late = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/complaints/${other.body.id}/reopen`, {
      token: c.accessToken,
      body: { reason: '问题又出现了' },
    });
    expect(late.body.error).toMatchObject({ code: 'REOPEN_NOT_ALLOWED', message: expect.stringContaining('7天内'), details: { reason: 'WINDOW_PASSED' } });
    s.clock.set(T0);
  });

  it('limits a citizen to the configured number of complaints a day, with a clear message; a repeat with the same key does not count', async () => {
    s.clock.set(T0);
    const c = await verifiedCitizen(s);
    for (let i = 0; i < 3; i++) expect((await submit(c, form(), `limit-key-${i}0000`)).status).toBe(201);
    expect((await submit(c, form(), 'limit-key-00000')).status).toBe(201);
    // nor does the same request repeated after the bff died before answering it (its key's record left pending)
    await abandonRequest(s, c.accessToken, 'createComplaint', 'limit-key-10000');
    const repeated = await submit(c, form(), 'limit-key-10000');
    expect(repeated.status).toBe(201);
    const over = await submit(c, form(), 'limit-key-30000');
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({
      code: 'COMPLAINT_DAILY_LIMIT',
      message: '您今天已提交3条找茬，达到每天的上限。',
      hint: expect.stringContaining('明天'),
    });
    s.clock.set(new Date('2026-03-06T01:00:00Z'));
    await renew(s, c);
    expect((await submit(c, form(), 'limit-key-40000')).status).toBe(201);
    s.clock.set(T0);
  });
});
