/** 一链办理: themed bundles that put several items into one checklist and one visit. */
export interface ThemeSeed {
  id: string;
  name: string;
  description: string;
  itemIds: string[];
}

export const THEMES: readonly ThemeSeed[] = [
  {
    id: 'T01',
    name: '我要开饭店',
    description:
      '开一家饭店要办的营业执照、食品经营许可、卫生、消防、排水、燃气和门头招牌：一张材料清单一次告知，按步骤预约办理，前一步取得的证照后面不用再准备。',
    itemIds: ['SS01', 'SS05', 'SH02', 'JS05', 'JS04', 'GY03', 'JS06'],
  },
  {
    id: 'T02',
    name: '我要开幼儿园',
    description: '举办民办幼儿园：办学许可、民非登记、托幼机构卫生评价、食堂许可和消防检查，一张材料清单，按步骤预约办理。',
    itemIds: ['SH03', 'SH04', 'SH05', 'SS05', 'JS05'],
  },
  {
    id: 'T03',
    name: '我要开药店',
    description: '开办零售药店：公司设立、药品经营许可、医疗器械备案、医保定点和门头招牌一次告知。',
    itemIds: ['SS02', 'SS07', 'SS08', 'RS05', 'JS06'],
  },
  {
    id: 'T04',
    name: '我要开便利店',
    description: '开一家便利店：个体户执照、预包装食品备案、烟草零售许可和门头招牌，最快当天开业。',
    itemIds: ['SS01', 'SS06', 'JM03', 'JS06'],
  },
];
