import type { ClassificationCase } from './classification.eval-set';

/**
 * Requests written after the dictionary was tuned on CLASSIFICATION_EVAL_SET and never used to
 * tune it: their figures are the honest estimate of how the dictionary does on new text.
 */
export const CLASSIFICATION_HELD_OUT_SET: readonly ClassificationCase[] = [
  {
    text: '金山大道万达门口那段路下水道返水，整条人行道都是污水，走路要绕。',
    type: 'complaint',
    categoryCode: '010104',
  },
  {
    text: '我们楼的单元门禁坏了两个月了，陌生人随便进出，物业一直拖着不修。',
    type: 'complaint',
    categoryCode: '010201',
  },
  {
    text: '隔壁小区有人在绿化带上搭了个铁皮棚子养鸡，请有关部门查一下是不是违建。',
    type: 'report',
    categoryCode: '010203',
  },
  { text: '晋安区新店镇今天全天没电，有没有抢修的时间安排？', type: 'consult', categoryCode: '010302' },
  {
    text: '我们这边燃气费怎么突然比上个月多了一倍，是不是表有问题？',
    type: 'consult',
    categoryCode: '010303',
  },
  { text: '306路公交车经常甩站，站台上的人招手都不停。', type: 'complaint', categoryCode: '020101' },
  { text: '打车从火车站到仓山，司机不打表，一口价要八十。', type: 'complaint', categoryCode: '020102' },
  {
    text: '湖东路口左转信号灯时间太短，每次只能过三四辆车，建议调整。',
    type: 'suggestion',
    categoryCode: '020201',
  },
  {
    text: '楼下的KTV每天营业到凌晨三点，唱歌声音特别大，根本睡不着。',
    type: 'complaint',
    categoryCode: '030101',
  },
  { text: '附近搅拌站扬尘很大，窗台上每天都是一层灰。', type: 'complaint', categoryCode: '030102' },
  { text: '光明港里漂了很多垃圾和死鱼，味道很难闻。', type: 'complaint', categoryCode: '030103' },
  { text: '商场里买的羽绒服，洗了一次就掉毛严重，专柜说不能退。', type: 'complaint', categoryCode: '040101' },
  {
    text: '理发店办了两千的储值卡，现在换了老板说之前的卡不认了。',
    type: 'complaint',
    categoryCode: '040102',
  },
  { text: '菜市场有摊主用的秤不准，一斤少了二两。', type: 'report' },
  { text: '在网上点的外卖里面吃出了一根头发，商家态度还很差。', type: 'complaint', categoryCode: '040201' },
  { text: '老板说工地没结账，我们十几个人的工钱拖了快一年了。', type: 'complaint', categoryCode: '050101' },
  { text: '单位一直没给我交社保，我现在想补缴养老保险可以吗？', type: 'consult', categoryCode: '050201' },
  { text: '退休人员医保卡里的钱每个月什么时候到账？', type: 'consult', categoryCode: '050202' },
  { text: '幼儿园报名需要准备哪些材料，户籍不在本区可以报吗？', type: 'consult', categoryCode: '060101' },
  { text: '在儿童医院看急诊等了四个小时还没轮到，孩子一直发烧。', type: 'complaint', categoryCode: '070101' },
  { text: '请问公积金贷款最高可以贷多少？', type: 'consult' },
  { text: '我的身份证快过期了，在哪里换领？可以异地办理吗？', type: 'consult' },
  {
    text: '非常感谢仓山区城管队员，半天就把我们门口的乱摆摊清理好了。',
    type: 'praise',
    categoryCode: '030202',
  },
  { text: '希望在江滨公园多设置一些公共厕所，周末人多根本不够用。', type: 'suggestion' },
  { text: '隔壁房子里冒出大量黑烟，好像有东西烧起来了，里面可能有人！', type: 'help', emergency: '119' },
  { text: '我妈在家摔倒了，头流了很多血，人有点迷糊。', type: 'help', emergency: '120' },
  { text: '有个男的在小区门口拿着刀威胁路人，保安不敢靠近。', type: 'report', emergency: '110' },
  { text: '上周在五一广场被电动车撞了，对方跑了，我现在想找监控。', type: 'help' },
  {
    text: '这个事情我已经向市纪委反映过了，就是区里某局长违规插手工程。',
    type: 'report',
    notAccepted: 'other-authority',
  },
  {
    text: '我的离婚案子二审还没判，想让你们帮我问问法官什么时候判。',
    type: 'consult',
    notAccepted: 'in-legal-proceedings',
  },
  {
    text: '泉州丰泽区有家工厂排放废气，能帮忙处理吗？',
    type: 'consult',
    categoryCode: '030102',
    notAccepted: 'outside-jurisdiction',
  },
];
