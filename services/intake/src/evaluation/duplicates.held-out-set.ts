import type { DuplicatePair } from './duplicates.eval-set';

const D = '13705910004';
const E = '18605910005';
const F = '17705910006';

/** Pairs written after the duplicate thresholds were set, never used to tune them. */
export const DUPLICATE_HELD_OUT_SET: readonly DuplicatePair[] = [
  {
    contact: { phone: D, content: '万达后面那条路的路灯还是不亮，上次说三天修好。' },
    openCase: { phone: D, content: '万达广场后面的道路路灯不亮已经一周，晚上很黑。', categoryCode: '010102' },
    duplicate: true,
  },
  {
    contact: { phone: E, content: '楼下KTV又唱到凌晨了，已经打过电话，能不能管管。' },
    openCase: {
      phone: E,
      content: '小区楼下KTV营业到凌晨三点，唱歌声音太大，根本睡不着。',
      categoryCode: '030101',
    },
    duplicate: true,
  },
  {
    contact: { phone: F, address: '晋安区福新路', content: '福新路下穿通道又积水了，车开不过去。' },
    openCase: {
      phone: D,
      address: '晋安区福新路',
      content: '福新路下穿通道下雨就积水，希望改善排水。',
      categoryCode: '010104',
    },
    duplicate: true,
  },
  {
    contact: { phone: D, content: '理发店储值卡的事还没人联系我。' },
    openCase: { phone: D, content: '理发店换了老板，之前办的两千元储值卡不认了。', categoryCode: '040102' },
    duplicate: true,
  },
  {
    contact: { content: '三坊七巷附近流动摊贩占道经营，游客都走不动。' },
    openCase: { phone: E, content: '三坊七巷南后街有很多流动摊贩占道摆摊，人挤人。', categoryCode: '030202' },
    duplicate: true,
  },
  {
    contact: { phone: E, content: '梅峰小区的垃圾站臭味很大，夏天受不了。' },
    openCase: {
      phone: F,
      content: '梅峰小区垃圾站每天散发臭味，靠近的住户都不敢开窗。',
      categoryCode: '030201',
    },
    duplicate: true,
  },
  {
    contact: { phone: F, content: '我的工资已经拖了两个月，请问怎么维权？' },
    openCase: { phone: F, content: '小区门口的井盖坏了，有个洞。', categoryCode: '010103' },
    duplicate: false,
  },
  {
    contact: { phone: D, content: '万达广场停车场收费太贵了。' },
    openCase: { phone: D, content: '万达广场后面的道路路灯不亮已经一周，晚上很黑。', categoryCode: '010102' },
    duplicate: false,
  },
  {
    contact: { phone: E, address: '晋安区福新路', content: '福新路上有人乱倒建筑垃圾。' },
    openCase: {
      phone: D,
      address: '晋安区福新路',
      content: '福新路下穿通道下雨就积水，希望改善排水。',
      categoryCode: '010104',
    },
    duplicate: false,
  },
  {
    contact: { phone: F, content: '东二环泰禾附近的KTV噪音扰民。' },
    openCase: {
      phone: E,
      content: '小区楼下KTV营业到凌晨三点，唱歌声音太大，根本睡不着。',
      categoryCode: '030101',
    },
    duplicate: false,
  },
  {
    contact: { phone: D, content: '美容院办的卡现在退不了钱。' },
    openCase: { phone: E, content: '理发店换了老板，之前办的两千元储值卡不认了。', categoryCode: '040102' },
    duplicate: false,
  },
  {
    contact: { phone: E, content: '梅峰小区的电梯经常困人。' },
    openCase: {
      phone: F,
      content: '梅峰小区垃圾站每天散发臭味，靠近的住户都不敢开窗。',
      categoryCode: '030201',
    },
    duplicate: false,
  },
];
