/**
 * Where the demo city's matters happen: the sample city's three districts (services/workflow's
 * sample city), each with the street office that handles local matters and addresses around it.
 * Estate (小区) names are invented for the demo.
 */
export interface DemoDistrict {
  districtId: string;
  name: string;
  /** The street (街道) offices of the district, with the addresses in their area. */
  streets: ReadonlyArray<{ unitId: string; addresses: readonly string[] }>;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    districtId: 'gulou',
    name: '鼓楼区',
    streets: [
      {
        unitId: 'gulou-dongjie',
        addresses: [
          '鼓楼区东街街道南后街榕荫里3号',
          '鼓楼区东街街道杨桥东路福馨苑小区',
          '鼓楼区东街街道八一七北路与东街交叉口',
          '鼓楼区东街街道三坊社区光禄坊12号',
          '鼓楼区东街街道东街口地铁站C出口',
          '鼓楼区东街街道文儒坊金榕小区5栋',
        ],
      },
      {
        unitId: 'gulou-nanjie',
        addresses: [
          '鼓楼区南街街道宜井社区宜井路28号',
          '鼓楼区南街街道津泰路鼓楼苑小区',
          '鼓楼区南街街道吉庇路菜市场',
          '鼓楼区南街街道澳门路翠榕新村2座',
          '鼓楼区南街街道宫巷口公交站',
        ],
      },
    ],
  },
  {
    districtId: 'taijiang',
    name: '台江区',
    streets: [
      {
        unitId: 'taijiang-yanghang',
        addresses: [
          '台江区洋中街道莲花社区莲花新村8座',
          '台江区洋中街道工业路锦江花园',
          '台江区洋中街道五一中路与古田路交叉口',
          '台江区洋中街道宁化路江滨公寓',
          '台江区洋中街道上海新村菜市场旁',
          '台江区洋中街道八一七中路达道站',
          '台江区洋中街道江滨西大道亲水平台',
        ],
      },
    ],
  },
  {
    districtId: 'cangshan',
    name: '仓山区',
    streets: [
      {
        unitId: 'cangshan-linjiang',
        addresses: [
          '仓山区临江街道江滨社区首山路馨江苑',
          '仓山区临江街道上渡路榕江新城3期',
          '仓山区临江街道则徐大道与金山大道交叉口',
          '仓山区临江街道江滨社区临江花园11号楼',
          '仓山区临江街道盖山路学府小区',
          '仓山区临江街道福湾路公交首末站',
          '仓山区临江街道建新北路工地',
        ],
      },
    ],
  },
];

/** Invented callers: a family name and a polite form, as callers usually give themselves. */
export const DEMO_SURNAMES = [
  '陈',
  '林',
  '黄',
  '张',
  '李',
  '王',
  '吴',
  '刘',
  '蔡',
  '杨',
  '郑',
  '许',
  '何',
  '邱',
  '罗',
  '周',
  '游',
  '谢',
  '江',
  '高',
  '詹',
  '卓',
  '魏',
  '薛',
] as const;

/** A phone number in the range the demo uses and no subscriber has: 138-0000-xxxx. */
export const demoPhone = (n: number): string => `138 0000 ${String(1000 + (n % 9000)).padStart(4, '0')}`;
