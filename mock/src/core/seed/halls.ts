import type { Hall, HallZone, SlotCapacity } from '@jsb/shared';

/** The city hall's 12 zones (PRODUCT.md, Halls). Ids are pinyin: stable, dot-free (slot ids use dots). */
export const ZONES = [
  { id: 'shangshi', name: '商事登记' },
  { id: 'shehui', name: '社会事务' },
  { id: 'jingmao', name: '经贸交通' },
  { id: 'jianshe', name: '基本建设' },
  { id: 'gongan', name: '公安服务' },
  { id: 'gongyong', name: '公用事业' },
  { id: 'huiqi', name: '惠企服务' },
  { id: 'shuiwu', name: '税务综合' },
  { id: 'budongchan', name: '不动产登记' },
  { id: 'gongjijin', name: '公积金服务' },
  { id: 'renshe', name: '人社医保综合' },
  { id: 'zhongjie', name: '中介超市' },
] as const;
export type ZoneId = (typeof ZONES)[number]['id'];

export const zoneName = (id: string): string | undefined => ZONES.find((z) => z.id === id)?.name;

const CITY_WEEKEND: readonly ZoneId[] = ['shangshi', 'shehui', 'gongan', 'budongchan', 'gongjijin', 'renshe'];
const CITY_NO_AFTER_HOURS: readonly ZoneId[] = ['huiqi', 'zhongjie'];
const COUNTY_ZONES: readonly ZoneId[] = ['shangshi', 'shehui', 'gongan', 'budongchan', 'shuiwu', 'renshe', 'gongjijin'];
const COUNTY_WEEKEND: readonly ZoneId[] = ['shangshi', 'gongan', 'budongchan'];
const COUNTY_AFTER_HOURS: readonly ZoneId[] = ['shangshi', 'shehui', 'gongan', 'budongchan'];

const zone = (id: ZoneId, weekend: boolean, afterHours: boolean): HallZone => ({
  id,
  name: zoneName(id) ?? id,
  weekendService: weekend,
  afterHoursService: afterHours,
});

const CITY_HOURS = '工作日 9:00—12:00、13:30—17:00；错时延时 12:00—13:30、17:00—19:00（预约）；周六日及节假日 9:00—12:00（部分专区预约）';
const COUNTY_HOURS =
  '工作日 9:00—12:00、13:30—17:00；错时延时 12:00—13:30、17:00—19:00（部分专区预约）；周六日及节假日 9:00—12:00（商事登记、公安、不动产专区预约）';

interface CountyRow {
  id: string;
  county: string;
  address: string;
  phone: string;
  /** Zones beyond the common seven. */
  extra?: ZoneId[];
}

const COUNTIES: readonly CountyRow[] = [
  { id: 'rencheng', county: '任城区', address: '济宁市任城区建设北路与吴泰闸路交汇处', phone: '0537-2345001', extra: ['jianshe'] },
  { id: 'yanzhou', county: '兖州区', address: '济宁市兖州区九州大道与建设西路交汇处', phone: '0537-3415002', extra: ['gongyong'] },
  { id: 'qufu', county: '曲阜市', address: '曲阜市静轩西路与春秋路交汇处', phone: '0537-4415003', extra: ['jianshe'] },
  { id: 'zoucheng', county: '邹城市', address: '邹城市太平西路与岗山北路交汇处', phone: '0537-5215004', extra: ['jianshe', 'gongyong'] },
  { id: 'weishan', county: '微山县', address: '微山县夏镇奎文路与微山湖大道交汇处', phone: '0537-8215005' },
  { id: 'yutai', county: '鱼台县', address: '鱼台县谷亭街道湖陵路与鱼新一路交汇处', phone: '0537-6215006' },
  { id: 'jinxiang', county: '金乡县', address: '金乡县金曼克大道与奎星路交汇处', phone: '0537-8715007' },
  { id: 'jiaxiang', county: '嘉祥县', address: '嘉祥县嘉宾路与呈祥大道交汇处', phone: '0537-6815008' },
  { id: 'wenshang', county: '汶上县', address: '汶上县宝相寺路与圣泽大街交汇处', phone: '0537-7215009' },
  { id: 'sishui', county: '泗水县', address: '泗水县泉林大街与圣地路交汇处', phone: '0537-4215010' },
  { id: 'liangshan', county: '梁山县', address: '梁山县水泊南路与新华路交汇处', phone: '0537-7315011' },
  { id: 'gaoxin', county: '高新区', address: '济宁高新区海川路与同济路交汇处', phone: '0537-2965012', extra: ['jianshe', 'huiqi'] },
  { id: 'taibaihu', county: '太白湖新区', address: '济宁市太白湖新区圣贤路与运河路交汇处', phone: '0537-2535013', extra: ['jianshe'] },
  { id: 'jingkai', county: '经开区', address: '济宁经济技术开发区呈祥大道与嘉祥路交汇处', phone: '0537-6805014', extra: ['jianshe', 'huiqi'] },
];

const countyHall = (row: CountyRow): Hall => {
  const ids = [...COUNTY_ZONES, ...(row.extra ?? [])];
  return {
    id: row.id,
    name: `${row.county}为民服务中心`,
    shortName: row.county,
    county: row.county,
    address: row.address,
    phone: row.phone,
    hours: COUNTY_HOURS,
    zones: ZONES.filter((z) => ids.includes(z.id)).map((z) => zone(z.id, COUNTY_WEEKEND.includes(z.id), COUNTY_AFTER_HOURS.includes(z.id))),
  };
};

export const CITY_HALL_ID = 'city';

export const HALLS: readonly Hall[] = [
  {
    id: CITY_HALL_ID,
    name: '市为民服务中心',
    shortName: '市中心',
    county: '济宁市',
    address: '济宁市太白湖新区圣贤路与济宁大道交汇处市民中心',
    phone: '0537-12345',
    hours: CITY_HOURS,
    zones: ZONES.map((z) => zone(z.id, CITY_WEEKEND.includes(z.id), !CITY_NO_AFTER_HOURS.includes(z.id))),
  },
  ...COUNTIES.map(countyHall),
];

/**
 * Seats per slot where a zone differs from DEFAULT_SLOT_RULES.capacity: the city hall's busiest
 * zones have more windows. Key `${hallId}.${zoneId}`.
 */
export const ZONE_CAPACITY: Readonly<Record<string, Partial<SlotCapacity>>> = {
  'city.shangshi': { regular: 10, 'after-hours': 4, weekend: 6 },
  'city.budongchan': { regular: 12, 'after-hours': 4, weekend: 6 },
  'city.gongan': { regular: 8 },
  'city.renshe': { regular: 8 },
};

/** Closures seeded into the calendar override table (the admin path adds more). */
export const SEED_CLOSURES = [{ hallId: 'sishui', date: '2026-03-06', reason: '设备检修，暂停对外服务一天' }] as const;
