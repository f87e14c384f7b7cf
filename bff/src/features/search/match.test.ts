import { allowedEdits, expandQuery, matchEntries, normalize, stripFillers, substringDistance, type SearchEntry } from './match';
import { SYNONYMS } from './synonyms';

/** A slice of the city's catalog as the core publishes it: names, keywords (from the item details), zones. */
const ITEMS: [id: string, name: string, zone: string, keywords: string[]][] = [
  ['SS01', '个体工商户设立登记', '商事登记', ['营业执照', '个体户', '开店']],
  ['SS02', '公司设立登记', '商事登记', ['营业执照', '开公司', '有限责任公司', '企业开办']],
  ['SS04', '企业简易注销登记', '商事登记', ['注销', '关闭公司']],
  ['SS05', '食品经营许可证核发', '商事登记', ['餐饮', '饭店', '食品', '食堂', '小吃']],
  ['SS06', '仅销售预包装食品备案', '商事登记', ['便利店', '超市', '预包装']],
  ['SH01', '出生医学证明首次签发', '社会事务', ['出生证', '新生儿', '出生一件事']],
  ['SH07', '残疾人证新办', '社会事务', ['残疾证', '残联']],
  ['GA01', '居民身份证换领', '公安服务', ['身份证', '到期换证', '补办']],
  ['GA04', '机动车驾驶证期满换证', '公安服务', ['驾驶证', '驾照', '换证']],
  ['GA05', '无犯罪记录证明开具', '公安服务', ['无犯罪', '证明', '政审']],
  ['RS01', '社会保障卡申领', '人社医保综合', ['社保卡', '第三代社保卡', '即时制卡']],
  ['GJ01', '住房公积金提取（购买自住住房）', '公积金服务', ['公积金', '提取', '买房']],
  ['JS04', '城镇污水排入排水管网许可', '基本建设', ['排水许可', '排污', '饭店', '隔油池']],
  ['JS06', '门头招牌设置审批', '基本建设', ['户外招牌', '门头', '广告牌', '饭店', '药店', '便利店']],
  ['GY03', '非居民燃气报装', '公用事业', ['燃气', '天然气', '饭店', '报装']],
  ['BD01', '不动产转移登记（二手房买卖）', '不动产登记', ['过户', '二手房', '房产证', '交房即交证']],
  ['BD02', '国有建设用地使用权及房屋所有权首次登记', '不动产登记', ['首次登记', '新房', '大证']],
  ['BD03', '不动产抵押权首次登记', '不动产登记', ['抵押', '贷款', '房贷']],
  ['BD04', '不动产登记资料查询', '不动产登记', ['查档', '房产查询', '有无房证明']],
  ['BD05', '不动产权证书补换证', '不动产登记', ['补证', '换证', '房产证丢失']],
];
const THEMES: [id: string, name: string, description: string][] = [
  ['T01', '我要开饭店', '开一家饭店需要的营业执照、食品经营许可、卫生、消防、排水、燃气和门头招牌，一张清单、一次提交、并联审批。'],
  ['T02', '我要开幼儿园', '举办民办幼儿园：办学许可、民非登记、托幼机构卫生评价、食堂许可和消防检查一链办理。'],
  ['T03', '我要开药店', '开办零售药店：公司设立、药品经营许可、医疗器械备案、医保定点和门头招牌一次告知。'],
  ['T04', '我要开便利店', '开一家便利店：个体户执照、预包装食品备案、烟草零售许可和门头招牌，最快当天开业。'],
];

const entries: SearchEntry<string>[] = [
  ...THEMES.map(([id, name, description]) => ({ ref: id, name, aliases: [name.replace(/^我要/, '')], keywords: [], group: [], text: [description] })),
  ...ITEMS.map(([id, name, zone, keywords]) => ({ ref: id, name, aliases: [], keywords, group: [zone], text: [] })),
];

const search = (q: string) => matchEntries(q, entries, SYNONYMS);
const ids = (q: string) => search(q).hits.map((h) => h.ref);

describe('首页 search: matching', () => {
  it('finds the theme 我要开饭店 first for 开饭店, then the items a restaurant needs', () => {
    const found = ids('开饭店');
    expect(found[0]).toBe('T01');
    expect(found).toEqual(expect.arrayContaining(['SS05', 'JS04', 'JS06', 'GY03']));
    // not 我要开药店, one character away: a word the catalog holds is not taken for a typo
    expect(found).not.toContain('T03');
    expect(found).not.toContain('T02');
  });

  it('finds every 不动产 item for 房产证, and says it also searched 不动产', () => {
    const r = search('房产证');
    expect(r.hits.map((h) => h.ref).sort()).toEqual(['BD01', 'BD02', 'BD03', 'BD04', 'BD05']);
    // the items whose keywords name 房产证 come first
    expect(
      r.hits
        .slice(0, 2)
        .map((h) => h.ref)
        .sort(),
    ).toEqual(['BD01', 'BD05']);
    expect(r.alsoSearched).toEqual(['不动产']);
  });

  it('tolerates a mistyped character: 开饭点, 房产正, 身分证, 公积全', () => {
    expect(ids('开饭点')[0]).toBe('T01');
    expect(ids('房产正')).toEqual(expect.arrayContaining(['BD01', 'BD02', 'BD03', 'BD04', 'BD05']));
    expect(ids('身分证')[0]).toBe('GA01');
    expect(ids('公积全')[0]).toBe('GJ01');
  });

  it('reads what citizens say instead: 开餐馆, 驾照, 良民证, 办社保卡, 开小卖部', () => {
    expect(ids('开餐馆')[0]).toBe('T01');
    expect(ids('驾照')[0]).toBe('GA04');
    expect(ids('良民证')[0]).toBe('GA05');
    expect(ids('办社保卡')[0]).toBe('RS01');
    expect(ids('开小卖部')[0]).toBe('T04');
  });

  it('hears the name inside a question: 我要开饭店怎么办, 出生证明要什么材料', () => {
    expect(ids('我要开饭店怎么办')[0]).toBe('T01');
    expect(ids('出生证明要什么材料')[0]).toBe('SH01');
    expect(ids('办营业执照').slice(0, 2).sort()).toEqual(['SS01', 'SS02']);
  });

  it('ignores full-width characters, spaces and punctuation, and asks every word of a query', () => {
    expect(ids('  开饭店！ ')[0]).toBe('T01');
    expect(ids('不动产 抵押')[0]).toBe('BD03');
    expect(ids('不动产 抵押')).not.toContain('BD01');
  });

  it('answers nothing for words the catalog does not hold, and for nothing', () => {
    expect(ids('火星移民')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('！？')).toEqual([]);
  });

  it('does not guess on two characters: 饭点 is not 饭店', () => {
    expect(ids('饭点')).toEqual([]);
  });
});

describe('首页 search: the pieces', () => {
  it('normalizes width, case and punctuation', () => {
    expect(normalize('ＡＢＣ 开饭店？')).toBe('abc开饭店');
  });

  it('strips what people say around a name, keeping a query that would vanish', () => {
    expect(stripFillers('我要开饭店怎么办')).toBe('开饭店');
    expect(stripFillers('我想办理')).toBe('我想办理');
  });

  it('counts edits to the closest part of a text', () => {
    expect(substringDistance('开饭点', '我要开饭店')).toBe(1);
    expect(substringDistance('开饭店', '我要开饭店')).toBe(0);
    expect(substringDistance('身分证', '残疾人证新办')).toBeGreaterThan(1);
    expect([2, 3, 5, 6].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });

  it('expands a query through the synonym table, and one mistyped character of a long synonym', () => {
    expect(expandQuery('房产证', SYNONYMS).map((v) => v.text)).toEqual(['房产证', '不动产']);
    expect(expandQuery('开餐馆', SYNONYMS).map((v) => v.text)).toEqual(['开餐馆', '开饭店', '饭店']);
    expect(expandQuery('房产正', SYNONYMS).map((v) => v.text)).toContain('不动产');
  });
});
