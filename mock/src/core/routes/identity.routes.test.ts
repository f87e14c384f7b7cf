import { checkIdNumber } from '@jsb/shared';
import { postJson } from '../../infra/http-test';
import { SEED_PERSONS } from '../seed/persons';
import { startCore, type CoreHarness } from '../testing';

const VERIFY = '/core/v1/identity/verify';

describe('seed population registry', () => {
  it('holds realistic Jining citizens with valid GB 11643 numbers', () => {
    expect(SEED_PERSONS.length).toBeGreaterThanOrEqual(8);
    for (const p of SEED_PERSONS) {
      expect(checkIdNumber(p.idNumber)).toBeNull();
      expect(p.idNumber.startsWith('3708')).toBe(true);
      expect(p.personId).toMatch(/^P[0-9A-F]{12}$/);
    }
    const nameLengths = SEED_PERSONS.map((p) => [...p.name].length);
    expect(nameLengths).toEqual(expect.arrayContaining([2, 3]));
    expect(SEED_PERSONS.some((p) => /[\u{20000}-\u{2FFFF}]/u.test(p.name))).toBe(true);
    expect(new Set(SEED_PERSONS.map((p) => p.personId)).size).toBe(SEED_PERSONS.length);
  });
});

describe('POST /core/v1/identity/verify', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  const zhao = SEED_PERSONS.find((p) => p.name === '赵𠈌');
  const ma = SEED_PERSONS.find((p) => p.idNumber.endsWith('X'));

  it('matches a registered citizen and answers a stable personId', async () => {
    const res = await core.call('POST', VERIFY, { name: '张伟', idNumber: '370811198503152317' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ match: true, personId: SEED_PERSONS[0]?.personId });
  });

  it('matches a name with a character outside the BMP and an ID ending in a lower-case x', async () => {
    expect((await core.call('POST', VERIFY, { name: zhao?.name, idNumber: zhao?.idNumber })).body.match).toBe(true);
    const lower = ma?.idNumber.toLowerCase();
    expect((await core.call('POST', VERIFY, { name: ma?.name, idNumber: lower })).body).toEqual({ match: true, personId: ma?.personId });
  });

  it('answers NAME_MISMATCH when the number is registered to someone else', async () => {
    const res = await core.call('POST', VERIFY, { name: '张玮', idNumber: '370811198503152317' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ match: false, reason: 'NAME_MISMATCH' });
  });

  it('answers NOT_FOUND for a well-formed number nobody holds', async () => {
    const res = await core.call('POST', VERIFY, { name: '张伟', idNumber: '370811199001010014' });
    expect(res.body).toEqual({ match: false, reason: 'NOT_FOUND' });
  });

  it.each([
    ['a missing name', { idNumber: '370811198503152317' }],
    ['a wrong check character', { name: '张伟', idNumber: '370811198503152318' }],
    ['a number that is not a string', { name: '张伟', idNumber: 37081119850315 }],
  ])('answers 400 BAD_REQUEST for %s', async (_label, body) => {
    const res = await core.call('POST', VERIFY, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) });
  });

  it('verifies a person added through the admin path, until reset', async () => {
    const added = await postJson(`${core.url}/__mock/persons`, { name: '测试员', idNumber: '37081120000101001X', phone: '13905379999' });
    expect(added.status).toBe(201);
    const person = { name: '测试员', idNumber: '37081120000101001X' };
    expect((await core.call('POST', VERIFY, person)).body.match).toBe(true);

    expect((await postJson(`${core.url}/__mock/persons`, person)).status).toBe(409);
    expect((await postJson(`${core.url}/__mock/persons`, { name: '坏号码', idNumber: '370811200001010012' })).status).toBe(400);

    await postJson(`${core.url}/__mock/reset`, {});
    expect((await core.call('POST', VERIFY, person)).body).toEqual({ match: false, reason: 'NOT_FOUND' });
  });
});
