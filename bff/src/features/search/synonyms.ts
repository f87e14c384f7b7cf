import type { SynonymGroup } from './match';

/**
 * What citizens say → the word the catalog uses. Configuration, not code: a new row ships with the bff, without a
 * mini-program release through WeChat's review. Rows come from how people ask at the 12345 line and at the windows
 * (房本 for 不动产权证书, 良民证 for 无犯罪记录证明); the core's own keywords per item are searched as well, so a row
 * is only needed where neither an item's name nor its keywords hold the citizen's word.
 */
export const SYNONYMS: readonly SynonymGroup[] = [
  { canonical: '不动产', aliases: ['房产证', '房产', '房本', '房屋产权', '产权证', '不动产证', '不动产权证', '土地证', '房证'] },
  { canonical: '转移登记', aliases: ['过户', '买卖房', '卖房', '房屋买卖'] },
  { canonical: '抵押', aliases: ['房贷', '按揭', '房屋抵押'] },
  { canonical: '饭店', aliases: ['餐馆', '饭馆', '餐厅', '酒楼', '餐饮店', '餐饮', '小吃店', '面馆', '快餐店', '火锅店', '烧烤店'] },
  { canonical: '幼儿园', aliases: ['托儿所', '早教', '幼教'] },
  { canonical: '药店', aliases: ['大药房', '药房'] },
  { canonical: '便利店', aliases: ['小卖部', '小超市', '超市', '杂货店', '烟酒店', '商店'] },
  { canonical: '营业执照', aliases: ['执照', '工商执照', '营业证'] },
  { canonical: '个体工商户', aliases: ['个体户', '个体经营'] },
  { canonical: '公司设立', aliases: ['开公司', '注册公司', '成立公司', '办公司', '新公司'] },
  { canonical: '注销', aliases: ['关公司', '公司关闭', '歇业'] },
  { canonical: '居民身份证', aliases: ['身份证', '二代证'] },
  { canonical: '驾驶证', aliases: ['驾照', '驾驶本', '驾本'] },
  { canonical: '社会保障卡', aliases: ['社保卡', '医保卡', '社会保险卡'] },
  { canonical: '住房公积金', aliases: ['公积金', '住房金'] },
  { canonical: '护照', aliases: ['出国证件', '出国'] },
  { canonical: '最低生活保障', aliases: ['低保', '困难补助'] },
  { canonical: '残疾人证', aliases: ['残疾证'] },
  { canonical: '户口迁移', aliases: ['迁户口', '户口', '落户', '户籍'] },
  { canonical: '无犯罪记录证明', aliases: ['无犯罪证明', '良民证', '无违法犯罪证明'] },
  { canonical: '出生医学证明', aliases: ['出生证明', '出生证', '新生儿证明'] },
  { canonical: '失业保险金', aliases: ['失业金', '失业补助', '失业救济'] },
  { canonical: '退休', aliases: ['办退休', '退休手续'] },
  { canonical: '异地就医', aliases: ['外地看病', '异地看病', '异地医保'] },
  { canonical: '个人所得税', aliases: ['个税', '完税证明', '纳税证明'] },
  { canonical: '供热', aliases: ['暖气', '供暖'] },
  { canonical: '供水', aliases: ['自来水', '接水', '水表'] },
  { canonical: '燃气', aliases: ['天然气', '煤气'] },
  { canonical: '用电', aliases: ['接电', '电表', '通电'] },
  { canonical: '门头招牌', aliases: ['招牌', '门头', '广告牌', '店招'] },
  { canonical: '消防', aliases: ['消防检查', '消防验收', '防火'] },
  { canonical: '发票', aliases: ['开票', '专票', '普票'] },
];
