import type { UnitSnapshot } from '@hotline/contracts';

type UnitRow = [
  id: string,
  name: string,
  level: UnitSnapshot['level'],
  parentId?: string,
  fallback?: boolean,
];

/**
 * A sample city for demos and tests, written for this project: the city, its departments, three
 * districts with streets and communities, and the fallback office (兜底单位).
 */
const ROWS: readonly UnitRow[] = [
  ['city', '榕城市人民政府', 'city'],
  ['housing-bureau', '市住房和城乡建设局', 'city', 'city'],
  ['urban-management', '市城市管理委员会', 'city', 'city'],
  ['water-group', '市自来水公司', 'city', 'city'],
  ['power-supply', '市供电公司', 'city', 'city'],
  ['transport-bureau', '市交通运输局', 'city', 'city'],
  ['environment-bureau', '市生态环境局', 'city', 'city'],
  ['market-bureau', '市市场监督管理局', 'city', 'city'],
  ['fallback-office', '市政府兜底办', 'city', 'city', true],
  ['gulou', '鼓楼区人民政府', 'district', 'city'],
  ['gulou-dongjie', '鼓楼区东街街道', 'street', 'gulou'],
  ['gulou-dongjie-sanfang', '东街街道三坊社区', 'community', 'gulou-dongjie'],
  ['gulou-nanjie', '鼓楼区南街街道', 'street', 'gulou'],
  ['gulou-nanjie-yijing', '南街街道宜井社区', 'community', 'gulou-nanjie'],
  ['taijiang', '台江区人民政府', 'district', 'city'],
  ['taijiang-yanghang', '台江区洋中街道', 'street', 'taijiang'],
  ['taijiang-yanghang-lianhua', '洋中街道莲花社区', 'community', 'taijiang-yanghang'],
  ['cangshan', '仓山区人民政府', 'district', 'city'],
  ['cangshan-linjiang', '仓山区临江街道', 'street', 'cangshan'],
  ['cangshan-linjiang-jiangbin', '临江街道江滨社区', 'community', 'cangshan-linjiang'],
];

export const SAMPLE_CITY_UNITS: readonly UnitSnapshot[] = ROWS.map(
  ([id, name, level, parentId, fallback]) => ({
    id,
    name,
    level,
    ...(parentId !== undefined ? { parentId } : {}),
    active: true,
    fallback: fallback ?? false,
  }),
);
