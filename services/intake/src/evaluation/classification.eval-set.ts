import type { CaseType, EmergencyService, NotAcceptedReason } from '@hotline/contracts';

export interface ClassificationCase {
  text: string;
  type: CaseType;
  /** The expected category; absent when the taxonomy has none for it (an agent classifies). */
  categoryCode?: string;
  emergency?: EmergencyService;
  notAccepted?: NotAcceptedReason;
}

/**
 * Realistic requests, written for this project in the way citizens write to 12345, labelled by
 * hand. Used to measure the classifier; never tuned against one by one.
 */
export const CLASSIFICATION_EVAL_SET: readonly ClassificationCase[] = [
  // 城乡建设
  {
    text: '鼓楼区五四路与东街交叉口往北五十米路面有一个大坑，晚上骑电动车很危险，希望尽快修补。',
    type: 'complaint',
    categoryCode: '010101',
  },
  {
    text: '仓山区金山大道辅路人行道砖松动翘起，老人走路已经摔倒好几次了。',
    type: 'complaint',
    categoryCode: '010101',
  },
  {
    text: '我们小区门口那条路的路灯坏了一个多星期了，晚上黑灯瞎火的，一直没修。',
    type: 'complaint',
    categoryCode: '010102',
  },
  {
    text: '晋安区福马路公交站旁边的路灯整排都不亮，请相关部门处理。',
    type: 'complaint',
    categoryCode: '010102',
  },
  {
    text: '台江区达道路有个井盖不见了，就剩一个黑洞，很容易有人掉下去。',
    type: 'complaint',
    categoryCode: '010103',
  },
  {
    text: '每次下雨福新路下穿通道就积水，车子都开不过去，希望改善排水。',
    type: 'complaint',
    categoryCode: '010104',
  },
  {
    text: '小区物业公司不作为，楼道灯坏了半年没人管，还要涨物业费。',
    type: 'complaint',
    categoryCode: '010201',
  },
  {
    text: '我家住12楼，电梯故障停运三天了，家里有老人上下楼非常困难，物业说等配件。',
    type: 'complaint',
    categoryCode: '010201',
  },
  {
    text: '新房交房不到一年，卫生间一直渗水到楼下，开发商推来推去不肯维修。',
    type: 'complaint',
    categoryCode: '010202',
  },
  { text: '举报我们楼顶有住户私自加盖了一层彩钢房，存在安全隐患。', type: 'report', categoryCode: '010203' },
  {
    text: '对面一楼商铺违章搭建了一个大棚子，把人行道都占了，请城管查处。',
    type: 'report',
    categoryCode: '010203',
  },
  {
    text: '仓山区首山路一带从早上开始停水，到现在晚上八点还没来水，也没有提前通知。',
    type: 'complaint',
    categoryCode: '010301',
  },
  { text: '最近家里自来水出来是黄色的，有很重的铁锈味，不敢喝。', type: 'complaint', categoryCode: '010301' },
  {
    text: '晋安区岳峰镇这几天总是突然停电，冰箱里的东西都坏了，供电所说在检修。',
    type: 'complaint',
    categoryCode: '010302',
  },
  { text: '请问新房开户通气需要带什么材料，去哪里办理？', type: 'consult', categoryCode: '010303' },
  // 交通
  {
    text: '52路公交车晚上九点以后班次太少了，等四十分钟都等不到，建议增加班次。',
    type: 'suggestion',
    categoryCode: '020101',
  },
  {
    text: '投诉一辆出租车司机拒载，车牌号闽A12345，说不顺路不走。',
    type: 'complaint',
    categoryCode: '020102',
  },
  { text: '网约车司机故意绕路，本来二十块钱的路程收了我四十多。', type: 'complaint', categoryCode: '020102' },
  {
    text: '杨桥路和白马路路口的红绿灯坏了，一直闪黄灯，交通很乱。',
    type: 'complaint',
    categoryCode: '020201',
  },
  {
    text: '建议在实验小学门口增设一条斑马线和减速带，孩子过马路太危险。',
    type: 'suggestion',
    categoryCode: '020201',
  },
  {
    text: '小区周边乱停车严重，车子停在消防通道上，救护车都进不来。',
    type: 'complaint',
    categoryCode: '020202',
  },
  { text: '咨询一下老城区的路边停车收费标准是多少？晚上是否收费？', type: 'consult', categoryCode: '020202' },
  // 生态环境
  {
    text: '隔壁工地每天晚上十一点以后还在施工，噪音特别大，严重影响休息。',
    type: 'complaint',
    categoryCode: '030101',
  },
  {
    text: '楼下公园每天晚上广场舞音响开得太吵，已经十点了还不停。',
    type: 'complaint',
    categoryCode: '030101',
  },
  { text: '楼下烧烤店油烟直排，熏得我们家窗户都不敢开。', type: 'complaint', categoryCode: '030102' },
  {
    text: '有人在河边空地焚烧垃圾，冒出很刺鼻的烟，附近居民都闻得到。',
    type: 'report',
    categoryCode: '030102',
  },
  { text: '举报某工厂晚上偷排污水到内河，河水发黑发臭，还有死鱼。', type: 'report', categoryCode: '030103' },
  { text: '小区垃圾桶满了好几天没人清运，夏天臭气熏天。', type: 'complaint', categoryCode: '030201' },
  { text: '路口有流动摊贩占道经营卖水果，早晚高峰堵得走不动。', type: 'complaint', categoryCode: '030202' },
  // 市场监管
  { text: '在商场买的电饭煲用了一周就坏了，商家不给退也不给换。', type: 'complaint', categoryCode: '040101' },
  {
    text: '我在一家健身房办了三千块钱的会员卡，现在健身房关门跑路了，钱退不回来。',
    type: 'complaint',
    categoryCode: '040102',
  },
  {
    text: '景区附近的饭店宰客，一盘青菜收一百八，菜单上根本没有明码标价。',
    type: 'complaint',
    categoryCode: '040103',
  },
  {
    text: '在某超市买的牛奶已经过期了还在货架上卖，孩子喝了拉肚子。',
    type: 'complaint',
    categoryCode: '040201',
  },
  { text: '举报一家外卖店没有营业执照，后厨卫生很差，到处是苍蝇。', type: 'report', categoryCode: '040201' },
  {
    text: '小区门口药店不要处方就卖处方药，还推销来路不明的保健品。',
    type: 'report',
    categoryCode: '040202',
  },
  // 劳动和社会保障
  {
    text: '我们在工地干了半年，包工头拖欠工资六万多，到现在还不发。',
    type: 'complaint',
    categoryCode: '050101',
  },
  { text: '公司不签劳动合同，试用期延长到六个月，请问这样合法吗？', type: 'consult', categoryCode: '050102' },
  { text: '公司突然把我辞退了，没有任何经济补偿，我该怎么办？', type: 'consult', categoryCode: '050102' },
  { text: '请问灵活就业人员怎么缴纳养老保险，每个月交多少？', type: 'consult', categoryCode: '050201' },
  { text: '我下个月退休，想问一下养老金领取需要办理什么手续？', type: 'consult', categoryCode: '050201' },
  { text: '咨询异地就医备案怎么办理，在外省住院医保能报销多少？', type: 'consult', categoryCode: '050202' },
  // 教育、卫生
  {
    text: '孩子今年上小学，户口和房产不在一个片区，划片入学怎么安排？',
    type: 'consult',
    categoryCode: '060101',
  },
  {
    text: '校外培训机构突然停课，剩下的学费不退，老板电话也打不通。',
    type: 'complaint',
    categoryCode: '060102',
  },
  {
    text: '市第一医院挂号太难了，网上一号难求，现场排队三个小时。',
    type: 'complaint',
    categoryCode: '070101',
  },
  {
    text: '我父亲在某医院做手术后出现严重并发症，怀疑是医疗事故，医院不给说法。',
    type: 'complaint',
    categoryCode: '070102',
  },
  // 没有对应分类（坐席分类）
  { text: '请问住房公积金提取需要什么材料？租房可以提取吗？', type: 'consult' },
  { text: '想问一下外地户口迁入福州需要什么条件？', type: 'consult' },
  { text: '建议政府在老旧小区加装电梯方面加大补贴力度。', type: 'suggestion' },
  { text: '表扬鼓楼区东街派出所的民警，帮我找回了丢失的钱包，非常感谢！', type: 'praise' },
  { text: '感谢12345热线，之前反映的路灯问题很快就修好了，点赞！', type: 'praise', categoryCode: '010102' },
  { text: '我家老人有老年痴呆，今天早上出门走失了，请求帮忙寻找。', type: 'help' },
  { text: '本人生活困难，独自带两个孩子，想求助申请低保。', type: 'help' },
  // 紧急事项
  { text: '快来人！我们楼下的电动车棚着火了，火势很大，浓烟往楼上冒！', type: 'help', emergency: '119' },
  {
    text: '厨房闻到很浓的煤气味，好像是燃气泄漏了，怎么办？',
    type: 'consult',
    categoryCode: '010303',
    emergency: '119',
  },
  { text: '路边有个老人突然晕倒了，叫他没有反应。', type: 'help', emergency: '120' },
  { text: '楼下有两伙人正在打架，有人拿着刀，非常危险！', type: 'report', emergency: '110' },
  { text: '三环路上刚刚发生车祸，两辆车追尾，有人受伤了。', type: 'complaint', emergency: '122' },
  { text: '有人撬我家邻居的门，看样子是小偷，邻居不在家。', type: 'report', emergency: '110' },
  // 容易误判的非紧急事项
  {
    text: '我们小区的消防通道经常被私家车堵住，万一着火消防车都进不来。',
    type: 'complaint',
    categoryCode: '020202',
  },
  { text: '上个月我家厨房着火，保险公司到现在还没有赔偿，想咨询怎么处理。', type: 'consult' },
  { text: '去年发生交通事故，对方一直不赔偿，交警的事故认定书也有问题。', type: 'complaint' },
  {
    text: '咨询一下家里燃气管道老化，怎么申请燃气公司上门检查更换？',
    type: 'consult',
    categoryCode: '010303',
  },
  // 不予受理
  {
    text: '我和开发商的合同纠纷已经起诉到法院了，法院已立案，希望你们督促法院快点判。',
    type: 'complaint',
    notAccepted: 'in-legal-proceedings',
  },
  {
    text: '劳动仲裁中，公司拒不出庭，能不能让你们帮我催一下仲裁委？',
    type: 'complaint',
    categoryCode: '050102',
    notAccepted: 'in-legal-proceedings',
  },
  { text: '举报某街道办主任贪污受贿，收了拆迁户的钱。', type: 'report', notAccepted: 'other-authority' },
  {
    text: '请帮我查一下我前妻现在的手机号和住址，我要找她。',
    type: 'help',
    notAccepted: 'secrets-or-privacy',
  },
  {
    text: '我在厦门思明区租的房子房东不退押金，怎么处理？',
    type: 'consult',
    notAccepted: 'outside-jurisdiction',
  },
  {
    text: '反映一下，北京朝阳区某小区物业乱收费的问题。',
    type: 'complaint',
    categoryCode: '010201',
    notAccepted: 'outside-jurisdiction',
  },
  { text: '咨询劳动仲裁怎么申请，需要什么材料？', type: 'consult', categoryCode: '050102' },
  { text: '请问行政复议需要在多长时间内提出？', type: 'consult' },
  // 补充
  {
    text: '小区里有人养狗不拴绳，还在绿地里随地大小便，物业也不管。',
    type: 'complaint',
    categoryCode: '010201',
  },
  { text: '建议地铁2号线末班车延长到晚上十一点半，方便加班族。', type: 'suggestion', categoryCode: '020101' },
  { text: '医保卡丢了怎么补办？', type: 'consult', categoryCode: '050202' },
  {
    text: '楼上邻居装修每天早上七点就开始电钻，周末也不停，吵得孩子没法睡觉。',
    type: 'complaint',
    categoryCode: '030101',
  },
  { text: '我们村的垃圾站建在饮用水源旁边，下雨天污水流进水塘。', type: 'complaint', categoryCode: '030201' },
  {
    text: '公司拖欠我三个月工资，老板说没钱，我想问可以去哪里投诉？',
    type: 'complaint',
    categoryCode: '050101',
  },
];
