import { personIdFor } from '../seed/persons';

/**
 * 缴费: what the city's systems charge. Fees (行政事业性收费, 工本费) belong to a citizen's case; utility bills
 * (水费, 电费, 燃气费) belong to an account number that anybody may pay, like at a bank counter.
 * Amounts are in fen (分), integers only: the core is the only source of an amount.
 */
export type PayableStatus = 'due' | 'paid' | 'refundable' | 'refunded';
export type UtilityKind = 'water' | 'electricity' | 'gas';

export interface PayableBase {
  id: string;
  title: string;
  amountFen: number;
  status: PayableStatus;
  /** the WeChat transaction that settled it (the bff reports it after verifying it) */
  transactionId?: string;
  outTradeNo?: string;
  paidAt?: string;
  refundableReason?: string;
  refundId?: string;
  refundedAt?: string;
}

export interface Fee extends PayableBase {
  kind: 'fee';
  personId: string;
  caseNumber: string;
  itemName: string;
  /** 收费依据 */
  basis: string;
  /** 执收单位 */
  payee: string;
  createdAt: string;
}

export interface UtilityBill extends PayableBase {
  kind: 'utility';
  accountNumber: string;
  utility: UtilityKind;
  /** billing month, e.g. 2026-02 */
  period: string;
  dueDate: string;
  /** 用量 with its unit, e.g. 12 吨 */
  usage: string;
}

export type Payable = Fee | UtilityBill;

export interface UtilityAccount {
  accountNumber: string;
  utility: UtilityKind;
  company: string;
  holderName: string;
  address: string;
}

export interface BillsState {
  payables: Map<string, Payable>;
  accounts: Map<string, UtilityAccount>;
  /** every payment or refund report the bff made, recorded or not (tests count calls with it) */
  reports: { payableId: string; kind: 'payment' | 'refund'; id: string; recorded: boolean }[];
}

const fee = (
  idNumber: string,
  id: string,
  caseNumber: string,
  itemName: string,
  title: string,
  amountFen: number,
  basis: string,
  payee: string,
  createdAt: string,
  extra: Partial<Fee> = {},
): Fee => ({
  kind: 'fee',
  id,
  personId: personIdFor(idNumber),
  caseNumber,
  itemName,
  title,
  amountFen,
  basis,
  payee,
  createdAt,
  status: 'due',
  ...extra,
});

const BDC = '济宁市自然资源和规划局（不动产登记中心）';
const GA = '济宁市公安局任城分局';

/** Seeded fees of the seeded citizens (mock/src/core/seed/persons.ts), on case numbers the cases feature issues. */
function seedFees(): Fee[] {
  return [
    fee(
      '370811198503152317',
      'FEE-202602-0001',
      'JN2026BDC000123',
      '不动产转移登记',
      '不动产登记费（住宅）',
      8000,
      '鲁价费发〔2017〕56号：住宅类不动产登记每件80元',
      BDC,
      '2026-02-02T02:10:00.000Z',
    ),
    fee(
      '370811198503152317',
      'FEE-202602-0002',
      'JN2026BDC000123',
      '不动产转移登记',
      '不动产权证书工本费（第二本起）',
      1000,
      '财税〔2016〕79号：每增加一本证书加收10元',
      BDC,
      '2026-02-02T02:10:00.000Z',
    ),
    fee(
      '370881197206184026',
      'FEE-202602-0003',
      'JN2026GA000456',
      '居民身份证补领',
      '居民身份证工本费（补领）',
      4000,
      '发改价格〔2003〕2322号：补领、换领每证40元',
      GA,
      '2026-02-03T01:30:00.000Z',
    ),
    fee(
      '370883199009116317',
      'FEE-202601-0004',
      'JN2026BDC000077',
      '不动产抵押权登记',
      '不动产登记费（住宅）',
      8000,
      '鲁价费发〔2017〕56号：住宅类不动产登记每件80元',
      BDC,
      '2026-01-12T03:00:00.000Z',
      {
        status: 'paid',
        transactionId: '4200002026011212345678901234',
        outTradeNo: 'JSB20260112110500SEED0001',
        paidAt: '2026-01-12T03:05:00.000Z',
      },
    ),
    fee(
      '370831198212300047',
      'FEE-202602-0005',
      'JN2026BDC000301',
      '不动产首次登记',
      '不动产登记费（非住宅）',
      55000,
      '鲁价费发〔2017〕56号：非住宅类不动产登记每件550元',
      BDC,
      '2026-02-04T06:00:00.000Z',
    ),
  ];
}

const ACCOUNTS: readonly UtilityAccount[] = [
  { accountNumber: '0101203456', utility: 'water', company: '济宁市城市供水有限公司', holderName: '张伟', address: '任城区琵琶山路××号×单元' },
  { accountNumber: '0101209981', utility: 'water', company: '济宁市城市供水有限公司', holderName: '李秀英', address: '任城区古槐路××号' },
  { accountNumber: '3708123456', utility: 'electricity', company: '国网山东省电力公司济宁供电公司', holderName: '孔令华', address: '曲阜市静轩路××号' },
  { accountNumber: '80012345', utility: 'gas', company: '济宁港华燃气有限公司', holderName: '孟繁星', address: '邹城市岗山路××号' },
];

const bill = (
  accountNumber: string,
  utility: UtilityKind,
  title: string,
  period: string,
  amountFen: number,
  usage: string,
  dueDate: string,
  paid?: { transactionId: string; paidAt: string },
): UtilityBill => ({
  kind: 'utility',
  id: `UB-${accountNumber}-${period.replace('-', '')}`,
  accountNumber,
  utility,
  title,
  period,
  amountFen,
  usage,
  dueDate,
  status: paid ? 'paid' : 'due',
  ...(paid ? { transactionId: paid.transactionId, paidAt: paid.paidAt } : {}),
});

function seedBills(): UtilityBill[] {
  return [
    bill('0101203456', 'water', '水费', '2026-01', 3640, '13 吨', '2026-02-15', {
      transactionId: '4200002026020512340000000001',
      paidAt: '2026-02-05T01:00:00.000Z',
    }),
    bill('0101203456', 'water', '水费', '2026-02', 4200, '15 吨', '2026-03-15'),
    bill('0101209981', 'water', '水费', '2026-02', 1960, '7 吨', '2026-03-15', {
      transactionId: '4200002026030112340000000002',
      paidAt: '2026-03-01T02:00:00.000Z',
    }),
    bill('3708123456', 'electricity', '电费', '2026-01', 15237, '276 千瓦时', '2026-02-25'),
    bill('3708123456', 'electricity', '电费', '2026-02', 12890, '235 千瓦时', '2026-03-25'),
    bill('80012345', 'gas', '燃气费', '2026-02', 9800, '35 立方米', '2026-03-20'),
  ];
}

export function createBillsState(): BillsState {
  const payables = new Map<string, Payable>();
  for (const p of [...seedFees(), ...seedBills()]) payables.set(p.id, p);
  return { payables, accounts: new Map(ACCOUNTS.map((a) => [a.accountNumber, { ...a }])), reports: [] };
}
