import type { Material, MaterialForm } from '@jsb/shared';

interface MatOptions {
  count?: number;
  required?: boolean;
  note?: string;
}

export function mat(name: string, form: MaterialForm = '原件', opts: MatOptions = {}): Material {
  return { name, form, count: opts.count ?? 1, required: opts.required ?? true, ...(opts.note ? { note: opts.note } : {}) };
}

/**
 * Materials several items ask for, written once so that a theme's merged checklist recognises
 * them as the same line (themes merge by name).
 */
export const M = {
  idCard: mat('申请人居民身份证', '原件', { note: '现场核验，无需复印' }),
  agentAuth: mat('委托书及受托人身份证', '原件', { required: false, note: '委托他人办理时提供' }),
  license: mat('营业执照', '原件及复印件', { note: '复印件加盖公章；已在本中心办理的无需提供' }),
  legalRepId: mat('法定代表人身份证', '原件及复印件'),
  premises: mat('经营场所使用证明（房产证或租赁合同）', '原件及复印件', { note: '租赁的需提供出租方房产证明' }),
  sitePlan: mat('经营场所平面布局图', '原件', { note: '标明主要功能区和面积' }),
  photo: mat('近期免冠彩色证件照', '原件', { count: 2, note: '白底，35mm×45mm' }),
  applicationForm: mat('申请表', '原件', { note: '中心窗口提供，也可在“济时办”在线填写' }),
  healthCerts: mat('从业人员健康证明', '复印件', { note: '直接接触入口食品的人员均需提供' }),
  foodSafetyRules: mat('食品安全管理制度文本', '原件'),
  fireSafetyDocs: mat('消防安全制度及灭火和应急疏散预案', '原件'),
  signDesign: mat('招牌设计效果图（标明尺寸、材质、位置）', '原件'),
  bankAccount: mat('银行账户信息（开户许可或账户证明）', '复印件', { required: false }),
  propertyCert: mat('不动产权证书', '原件'),
  hukouBook: mat('居民户口簿', '原件'),
  marriageCert: mat('结婚证或离婚证明', '原件', { required: false, note: '已婚或离异的提供' }),
} as const;
