import { checkIdNumber, ID_NUMBER_PROBLEM_HINT } from '@jsb/shared';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { badRequest, readCoreJson } from '../errors';
import { personIdFor, type Person } from '../seed/persons';
import type { CoreFeature } from './feature';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;
const MAX_NAME_CHARS = 40;

/** Same person, however the phone keyboard wrote it: NFC, and one middle dot for 间隔号. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/[•・．.‧∙]/g, '·');
}

export type VerifyResult = { match: true; personId: string } | { match: false; reason: 'NAME_MISMATCH' | 'NOT_FOUND' };

export function verifyIdentity(persons: Map<string, Person>, name: string, idNumber: string): VerifyResult {
  const person = persons.get(idNumber.toUpperCase());
  if (!person) return { match: false, reason: 'NOT_FOUND' };
  if (normaliseName(person.name) !== normaliseName(name)) return { match: false, reason: 'NAME_MISMATCH' };
  return { match: true, personId: person.personId };
}

/** 实名核验 against the population registry. */
export const identityFeature: CoreFeature = {
  name: 'identity',

  routes(router, { state }) {
    router.post('/identity/verify', async (ctx) => {
      const { name, idNumber } = await readCoreJson(ctx);
      if (typeof name !== 'string' || normaliseName(name) === '' || [...name].length > MAX_NAME_CHARS) {
        throw badRequest('姓名不能为空，且不超过40个字');
      }
      if (typeof idNumber !== 'string') throw badRequest('身份证号码不能为空');
      const problem = checkIdNumber(idNumber);
      if (problem) throw badRequest(ID_NUMBER_PROBLEM_HINT[problem]);
      ctx.body = verifyIdentity(state.persons, name, idNumber.trim());
    });
  },

  admin(router, { state }) {
    router.get('/persons', (ctx) => {
      ctx.body = { persons: [...state.persons.values()] };
    });

    router.post('/persons', async (ctx) => {
      const { name, idNumber, phone, note } = await readAdminBody(ctx);
      if (typeof name !== 'string' || normaliseName(name) === '') throw new AdminInputError('name is required');
      if (typeof idNumber !== 'string') throw new AdminInputError('idNumber is required');
      const problem = checkIdNumber(idNumber);
      if (problem) throw new AdminInputError(`idNumber is not a valid GB 11643 number (${problem})`);
      if (phone !== undefined && (typeof phone !== 'string' || !PHONE_PATTERN.test(phone))) {
        throw new AdminInputError('phone must be an 11-digit mainland mobile number');
      }
      if (note !== undefined && typeof note !== 'string') throw new AdminInputError('note must be a string');
      const id = idNumber.trim().toUpperCase();
      if (state.persons.has(id)) throw new AdminInputError('a person with this idNumber exists', 409, 'CONFLICT');

      const person: Person = {
        personId: personIdFor(id),
        name: normaliseName(name),
        idNumber: id,
        ...(typeof phone === 'string' ? { phone } : {}),
        note: typeof note === 'string' ? note : 'added through /__mock/persons',
      };
      state.persons.set(id, person);
      ctx.status = 201;
      ctx.body = { person };
    });
  },
};
