import { formatCaseNumber } from '@hotline/contracts';
import type { SeedCase } from '../services/intake/src/testing/seed-case-fingerprints';

/** Places and matters of a city, combined into requests that read like the ones citizens send. */
const PLACE_NAMES = [
  '幸福',
  '阳光',
  '金山',
  '五四',
  '福新',
  '达道',
  '首山',
  '杨桥',
  '湖东',
  '温泉',
  '江滨',
  '梅峰',
  '南门',
  '东街',
  '西湖',
  '屏山',
  '乌山',
  '于山',
  '井大',
  '华林',
  '六一',
  '白马',
  '工业',
  '铜盘',
  '洪山',
  '北环',
  '古田',
  '茶亭',
  '台江',
  '上渡',
  '盖山',
  '城门',
  '螺洲',
  '建新',
  '金港',
  '浦上',
  '下渡',
  '新店',
  '岳峰',
  '鼓山',
  '东浦',
  '福马',
  '连潘',
  '象园',
  '鹤林',
  '长乐',
  '鳌峰',
  '宁化',
  '义洲',
  '新港',
];
const PLACE_KINDS = [
  '小区',
  '花园',
  '新村',
  '路',
  '街',
  '大道',
  '公园',
  '市场',
  '广场',
  '大厦',
  '公寓',
  '巷',
  '桥',
  '村',
  '中学',
  '医院',
  '小学',
  '港',
  '河',
  '幼儿园',
];
const placesOf = (names: string[]): string[] =>
  names.flatMap((name) => PLACE_KINDS.map((kind) => `${name}${kind}`));
/**
 * Five hundred places of the open cases; 45,000 others of the new contacts (a numbered block of each
 * name, 湖东12小区), so that a minute of load keeps meeting new matters rather than only repeats.
 */
const OPEN_CASE_PLACES = placesOf(PLACE_NAMES.slice(0, 25));
const CONTACT_PLACES = placesOf(
  PLACE_NAMES.slice(25).flatMap((name) => Array.from({ length: 90 }, (_, n) => `${name}${n + 10}`)),
);
/** Each matter in several wordings, as different citizens put it. */
const MATTERS: Array<{ texts: string[]; categoryCode: string }> = [
  {
    texts: [
      '的路灯坏了，晚上黑灯瞎火',
      '路灯不亮已经好几天',
      '一整排路灯都不亮，走夜路很害怕',
      '路灯一闪一闪的，照明灯坏了',
    ],
    categoryCode: '010102',
  },
  {
    texts: ['有个井盖缺失，窨井口敞着很危险', '井盖被偷了，路上有个黑洞', '下水道盖碎了，井口塌了一半'],
    categoryCode: '010103',
  },
  {
    texts: [
      '附近工地夜间施工噪音扰民',
      '半夜施工吵得睡不着',
      '工地晚上十二点还在打桩，噪声太大',
      '装修电钻声从早到晚，吵得孩子没法学习',
    ],
    categoryCode: '030101',
  },
  {
    texts: ['的垃圾桶满了没人清运', '垃圾堆积发臭，环卫好几天没来', '建筑垃圾乱倒，一直没人清理'],
    categoryCode: '030201',
  },
  {
    texts: ['一带停水了，自来水到现在还没来', '停水一整天也没有通知', '自来水发黄，水质浑浊'],
    categoryCode: '010301',
  },
  {
    texts: ['的烧烤店油烟直排，熏得开不了窗', '饭店油烟很大，烟尘飘进家里', '有人焚烧垃圾，异味很重'],
    categoryCode: '030102',
  },
  {
    texts: ['流动摊贩占道经营，堵得走不动', '夜市摊占道摆摊到凌晨', '店外经营把人行道都占了'],
    categoryCode: '030202',
  },
  {
    texts: ['路口红绿灯坏了，一直闪黄灯', '信号灯时间太短，过不了马路', '斑马线和标线都磨没了'],
    categoryCode: '020201',
  },
];
const OPENINGS = ['投诉：', '你好，我要反映一下，', '市民反映：', '', '我想投诉，', '麻烦你们管一管，'];
const CLOSINGS = [
  '',
  '已经一个星期了。',
  '希望尽快处理。',
  '多次反映都没有解决。',
  '老人小孩出行很不方便。',
  '请相关部门来看一下。',
  '谢谢！',
];
const UNCLEAR = ['请问这个事情归哪个部门管', '我想反映一个情况，麻烦回个电话', '上次说的事情怎么样了'];
const EMERGENCY = '楼下着火了，浓烟很大，快来人';
const CHANNELS = ['web', 'sms', 'api', 'email', 'wechat'] as const;

const pick = <T>(list: readonly T[], n: number): T =>
  list[((n % list.length) + list.length) % list.length] as T;

/** A request about `matter` at one of `places` chosen by `placeSeed`, worded by `n`. */
const requestText = (places: string[], n: number, matter: { texts: string[] }, placeSeed = n): string =>
  `${pick(OPENINGS, n * 7)}${pick(places, Math.floor(placeSeed * 2654435761) >>> 0)}${pick(matter.texts, n * 3)}${pick(CLOSINGS, n * 5)}`;
const phoneOf = (n: number): string => `13${String(500_000_000 + (n % 400_000_000)).padStart(9, '0')}`;

/** Open cases for the duplicate read model: every place × matter, many times over, from many callers. */
export function* openCases(count: number, at: string): Generator<SeedCase> {
  for (let i = 0; i < count; i++) {
    const matter = pick(MATTERS, i);
    yield {
      caseId: `bench-open-${i}`,
      caseNumber: formatCaseNumber(5_000_000 + i),
      phone: phoneOf(i * 7919),
      categoryCode: matter.categoryCode,
      content: requestText(OPEN_CASE_PLACES, i, matter),
      registeredAt: at,
    };
  }
}

/**
 * The i-th contact of the load: mostly clear complaints (registered), some repeats of an earlier
 * caller (merged), some unclear (left for an agent), a few emergencies (referred).
 */
export function contactOf(i: number, runTag: string): Record<string, unknown> {
  const kind = i % 20;
  const channel = pick(CHANNELS, i);
  const base = { contactId: `bench-${runTag}-${i}`, channel };
  if (kind === 19) return { ...base, caller: { phone: phoneOf(i) }, content: EMERGENCY };
  if (kind >= 16) return { ...base, caller: { phone: phoneOf(i) }, content: pick(UNCLEAR, i) };
  // A repeat: the caller of ten contacts back, about the same matter, in other words.
  const source = kind >= 13 ? i - 10 : i;
  return {
    ...base,
    caller: { name: '市民', phone: phoneOf(source) },
    content: requestText(CONTACT_PLACES, i, pick(MATTERS, source), source),
  };
}
