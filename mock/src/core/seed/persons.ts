import { createHash } from 'node:crypto';

export interface Person {
  /** 'P' + 12 hex digits derived from the ID number: the same citizen has the same id in every run. */
  personId: string;
  name: string;
  /** 18 characters, GB 11643 check character verified by the seed test. */
  idNumber: string;
  phone?: string;
  /** Why this citizen is in the registry: the case a test can pick them for. */
  note: string;
}

export function personIdFor(idNumber: string): string {
  return 'P' + createHash('sha256').update(`person:${idNumber.toUpperCase()}`).digest('hex').slice(0, 12).toUpperCase();
}

type SeedRow = Omit<Person, 'personId'>;

/**
 * The population registry of the mock. ID numbers use Jining area codes (3708xx; 370802 is the
 * former 市中区, still on older cards), real birth dates and valid check characters.
 * Phones use the 0537 (Jining) pattern so they are recognisably fake.
 */
const ROWS: readonly SeedRow[] = [
  { name: '张伟', idNumber: '370811198503152317', phone: '13905370001', note: '两字姓名，任城区，男' },
  { name: '孔令华', idNumber: '370881197206184026', phone: '13905370002', note: '三字姓名，曲阜市，女' },
  { name: '孟繁星', idNumber: '370883199009116317', phone: '13905370003', note: '邹城市，男' },
  { name: '李秀英', idNumber: '370802194801230622', phone: '13905370004', note: '老年人（1948年生），旧区划代码370802' },
  { name: '王㛃', idNumber: '370812199511071526', phone: '13905370005', note: '生僻字（㛃 U+36C3，扩展A区），兖州区' },
  { name: '赵𠈌', idNumber: '370826198802293536', phone: '13905370006', note: '生僻字（𠈌 U+2020C，扩展B区，UTF-16代理对），闰日出生' },
  { name: '欧阳明远', idNumber: '370829197908050019', phone: '13905370007', note: '复姓四字姓名，嘉祥县' },
  { name: '阿依古丽·买买提', idNumber: '370830199304120447', phone: '13905370008', note: '少数民族姓名，含间隔号' },
  { name: '周子涵', idNumber: '370832201007201526', phone: '13905370009', note: '未成年人（2010年生），梁山县' },
  { name: '马建国', idNumber: '37082819661009101X', phone: '13905370010', note: '校验码为X，金乡县' },
  { name: '林文静', idNumber: '370831198212300047', phone: '13905370011', note: '泗水县，女' },
];

export const SEED_PERSONS: readonly Person[] = Object.freeze(ROWS.map((row) => Object.freeze({ ...row, personId: personIdFor(row.idNumber) })));
