/**
 * One citizen with something of every kind: signed in, real-name verified, phone bound, an appointment, a complaint
 * with a photo (replied and rated), an open case, a closed and rated case, and a paid fee. Used by the fuzzer (so list and detail
 * operations answer with real data) and by the security suite (resources another citizen must not reach).
 * The caller sets the clock first (SEED_START, a Tuesday 10:00 in Jining, has bookable slots the day after).
 */
import sharp from 'sharp';
import type { Appointment, Complaint, CreatePaymentResponse, MessageList, SlotsResponse, TokenPair, UploadedPhoto } from '@jsb/shared';
import { call, openid, signIn } from './http';
import { newPerson } from './citizens';
import { closedCase, openCase, staff } from './cases';
import { MATERIALS, upload } from './corrections';
import { syncEvents } from './events';
import type { Stack } from './stack';

/** Tue 3 Mar 2026, 10:00 in Jining */
export const SEED_START = new Date('2026-03-03T02:00:00Z');

export interface SeededCitizen extends TokenPair {
  openid: string;
  name: string;
  idNumber: string;
  personId: string;
  phone: string;
}

export interface Seeded {
  citizen: SeededCitizen;
  appointmentId: string;
  complaintId: string;
  complaintTrackingNo: string;
  complaintPhotoId: string;
  openCaseNo: string;
  openCaseQueryCode: string;
  closedCaseNo: string;
  feeId: string;
  paymentId: string;
  /** a case waiting for 补正 with one page uploaded for its first material (issue 12) */
  correctionCaseNo: string;
  correctionFileId: string;
  /** one of the citizen's 消息 */
  messageId: string;
}

let phoneSeq = 0;

function ok<T>(what: string, r: { status: number; text: string; body: T }): T {
  if (r.status >= 300) throw new Error(`seed: ${what} answered ${r.status} ${r.text}`);
  return r.body;
}

/** A signed-in, real-name verified citizen with a bound phone number. */
export async function seededCitizen(s: Stack): Promise<SeededCitizen> {
  const oid = openid();
  const t = await signIn(s, oid);
  const p = await newPerson(s);
  ok('real-name', await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: p }));
  phoneSeq += 1;
  const phone = `1390537${String(1000 + ((phoneSeq * 7919 + Math.floor(Math.random() * 9000)) % 9000)).padStart(4, '0')}`;
  const code = ok('phone-code', await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/phone-code', { body: { phoneNumber: phone } })).code;
  ok('phone', await call(s.bffUrl, 'POST', '/api/v1/me/phone', { token: t.accessToken, body: { code } }));
  const person = s.core.state.persons.get(p.idNumber);
  if (!person) throw new Error('seed: person not in the registry');
  return { ...t, openid: oid, name: p.name, idNumber: p.idNumber, personId: person.personId, phone };
}

/** Books the first bookable slot of 社会事务 (item SH01) in the coming week. */
export async function bookSomething(s: Stack, c: TokenPair, itemId = 'SH01', zoneId = 'shehui'): Promise<Appointment> {
  const slots = ok('slots', await call<SlotsResponse>(s.bffUrl, 'GET', `/api/v1/slots?hallId=city&itemId=${itemId}`, { token: c.accessToken }));
  const slot = slots.days.flatMap((d) => d.slots).find((x) => x.bookable);
  if (!slot) throw new Error(`seed: no bookable slot for ${itemId} in ${zoneId}`);
  return ok('book', await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', { token: c.accessToken, body: { itemId, slotId: slot.id } }));
}

export async function seed(s: Stack): Promise<Seeded> {
  const c = await seededCitizen(s);
  const appointment = await bookSomething(s, c);
  // a small photo of the problem (the photo route takes the image bytes as the body)
  const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();
  const photoRes = await fetch(`${s.bffUrl}/api/v1/complaints/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.accessToken}`, 'content-type': 'image/png' },
    body: new Uint8Array(png),
  });
  const photoText = await photoRes.text();
  const photo = ok('photo', { status: photoRes.status, body: JSON.parse(photoText) as UploadedPhoto, text: photoText });
  const complaint = ok(
    'complaint',
    await call<Complaint>(s.bffUrl, 'POST', '/api/v1/complaints', {
      token: c.accessToken,
      body: {
        category: '推诿/说"No"',
        target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' },
        description: '窗口说材料不全，但没有一次说清缺什么',
        anonymous: false,
        photoIds: [photo.id],
      },
    }),
  );
  const trackingNo = complaint.trackingNo;
  if (!trackingNo) throw new Error('seed: the complaint was queued, not delivered');
  ok('reply', await call(s.coreUrl, 'POST', `/__mock/staff/complaints/${trackingNo}/reply`, { body: { text: '已核实，已向您补充说明所缺材料' } }));
  ok('rate complaint', await call(s.bffUrl, 'POST', `/api/v1/complaints/${complaint.id}/rating`, { token: c.accessToken, body: { rating: '满意' } }));
  const open = await openCase(s, c.personId);
  const closed = await closedCase(s, c.personId);
  ok('rate case', await call(s.bffUrl, 'POST', `/api/v1/cases/${closed.caseNo}/rating`, { token: c.accessToken, body: { level: '满意', tags: [] } }));
  const fee = ok(
    'fee',
    await call<{ id: string }>(s.coreUrl, 'POST', '/__mock/fees', {
      body: { idNumber: c.idNumber, caseNumber: closed.caseNo, title: '不动产登记费（住宅）', amountFen: 8000 },
    }),
  );
  const payment = ok('payment', await call<CreatePaymentResponse>(s.bffUrl, 'POST', '/api/v1/payments', { token: c.accessToken, body: { payableId: fee.id } }));
  ok('pay', await call(s.wxpayUrl, 'POST', '/__mock/pay', { body: { prepayId: payment.requestPayment.package.replace('prepay_id=', '') } }));
  const paused = await openCase(s, c.personId);
  await staff(s, `/cases/${paused.caseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
  const page = ok('correction file', await upload(s, c, paused.caseNo, 'M1', png, 'image/png'));
  await syncEvents(s.bff);
  const messages = ok('messages', await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: c.accessToken }));
  if (!messages.messages.length) throw new Error('seed: no 消息 after the events were read');
  return {
    citizen: c,
    appointmentId: appointment.id,
    complaintId: complaint.id,
    complaintTrackingNo: trackingNo,
    complaintPhotoId: photo.id,
    openCaseNo: open.caseNo,
    openCaseQueryCode: open.queryCode,
    closedCaseNo: closed.caseNo,
    feeId: fee.id,
    paymentId: payment.payment.id,
    correctionCaseNo: paused.caseNo,
    correctionFileId: page.id,
    messageId: messages.messages[0]!.id,
  };
}
