import type { DemoMatter } from './demo-matter';

/** Transport, markets, labour, social insurance, education, health, and thanks. */
export const SERVICE_MATTERS: readonly DemoMatter[] = [
  {
    key: 'bus-route',
    categoryCode: '020101',
    types: ['suggestion', 'complaint'],
    handler: { kind: 'city', unitId: 'transport-bureau' },
    texts: [
      '建议增加{addr}到火车站的公交班次，早高峰等车要半小时以上。',
      '{addr}公交站台的站牌信息过时，线路已经调整但站牌没有更新。',
    ],
    results: ['公交集团已将该线路早高峰发车间隔由15分钟缩短至8分钟，并更新站牌信息。'],
  },
  {
    key: 'taxi-refusal',
    categoryCode: '020102',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'transport-bureau' },
    texts: ['在{addr}打出租车，司机嫌路近拒载，还态度恶劣，车牌号记下来了。'],
    results: ['运输执法支队已调取车辆轨迹核实拒载属实，对驾驶员作出罚款并记入服务质量信誉档案。'],
  },
  {
    key: 'traffic-signal',
    categoryCode: '020201',
    types: ['suggestion', 'report'],
    handler: { kind: 'city', unitId: 'transport-bureau' },
    texts: [
      '{addr}红绿灯行人通行时间太短，老人走到一半就变灯了，建议延长。',
      '{addr}信号灯坏了一直闪黄灯，车流很乱。',
    ],
    results: ['交警部门已对该路口信号配时进行优化，行人绿灯时间由25秒延长至40秒。'],
  },
  {
    key: 'parking',
    categoryCode: '020202',
    types: ['complaint', 'suggestion'],
    handler: { kind: 'street' },
    texts: ['{addr}周边车辆长期乱停在消防通道上，救护车都进不来。'],
    results: ['交警中队已对违停车辆依法处理，并会同街道在消防通道施划禁停标线、安装隔离桩。'],
  },
  {
    key: 'prepaid-card',
    categoryCode: '040102',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'market-bureau' },
    texts: [
      '{addr}一家健身房突然关门跑路，办了三千多元的年卡还没用几次，要求退款。',
      '{addr}的美发店办了储值卡，现在店要转让，不给退余额。',
    ],
    results: ['市场监管局已立案调查并约谈经营者，已组织登记会员信息，经营者承诺分批退还余额。'],
  },
  {
    key: 'food-safety',
    categoryCode: '040201',
    types: ['report', 'complaint'],
    handler: { kind: 'city', unitId: 'market-bureau' },
    texts: [
      '在{addr}一家快餐店吃饭后全家腹泻，怀疑食材不新鲜，后厨卫生很差。',
      '{addr}菜市场有摊贩销售过期熟食。',
    ],
    results: ['执法人员已现场检查并抽检食品，对后厨卫生问题责令整改并处罚款。'],
  },
  {
    key: 'price-fraud',
    categoryCode: '040103',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'market-bureau' },
    texts: ['{addr}超市标价和结账价格不一致，多收钱，店员还不承认。'],
    results: ['经核查存在价签未及时更新问题，已责令超市退还差价并规范明码标价。'],
  },
  {
    key: 'unpaid-wages',
    categoryCode: '050101',
    types: ['help', 'complaint'],
    handler: { kind: 'city', unitId: 'hrss-bureau' },
    texts: [
      '我在{addr}的工地干活，包工头拖欠我们十几个工人三个月工资，一直推脱不给。',
      '{addr}一家餐饮公司拖欠员工两个月工资后老板失联，请劳动部门帮忙讨薪。',
    ],
    results: [
      '劳动保障监察支队已责令施工总承包单位从农民工工资专户代发拖欠工资，已全部结清。',
      '已立案调查，督促企业支付拖欠工资，对老板失联情况已移送公安机关依法处理。',
    ],
  },
  {
    key: 'labour-contract',
    categoryCode: '050102',
    types: ['help'],
    handler: { kind: 'city', unitId: 'hrss-bureau' },
    texts: ['{addr}的公司试用期满不和我签劳动合同，也不交社保，请问怎么维权？'],
    results: ['劳动监察已约谈用人单位，督促其依法补签劳动合同并补缴社会保险。'],
  },
  {
    key: 'school-admission',
    categoryCode: '060101',
    types: ['consult', 'complaint'],
    handler: { kind: 'city', unitId: 'education-bureau' },
    texts: ['住在{addr}，孩子明年上小学，对口学校一直没有公布划片范围，想了解入学政策。'],
    results: ['教育局已答复片区划分将于4月公布，并告知来电人可登录入学服务平台查询。'],
  },
  {
    key: 'tutoring',
    categoryCode: '060102',
    types: ['report'],
    handler: { kind: 'city', unitId: 'education-bureau' },
    texts: ['{addr}写字楼里有培训机构周末违规开设学科类培训班。'],
    results: ['教育局会同市场监管部门检查，该机构无办学许可，已责令停止培训并退费。'],
  },
  {
    key: 'hospital-service',
    categoryCode: '070101',
    types: ['complaint', 'suggestion'],
    handler: { kind: 'city', unitId: 'health-commission' },
    texts: [
      '带老人在{addr}附近的医院看病，挂号排队两个小时，自助机不会用也没人指导。',
      '建议{addr}社区卫生服务中心延长周末门诊时间。',
    ],
    results: ['卫健委已督促医院增设志愿服务岗和老年人绿色通道，高峰时段增开人工窗口。'],
  },
  {
    key: 'praise-repair',
    categoryCode: '010301',
    types: ['praise'],
    handler: { kind: 'city', unitId: 'water-group' },
    texts: ['表扬自来水公司抢修队，{addr}凌晨爆管，师傅们连夜抢修，早上就恢复供水了。'],
    results: ['已将市民表扬转达抢修班组并在公司内部通报表扬。'],
  },
  {
    key: 'praise-sanitation',
    categoryCode: '030201',
    types: ['praise'],
    handler: { kind: 'street' },
    texts: ['表扬{addr}一带的环卫工人，每天天不亮就清扫街道，垃圾清运及时，街面干干净净。'],
    results: ['街道已将市民表扬转达环卫所，并在环卫工人月度评比中予以表彰。'],
  },
];

/** Questions an agent answers at once from the knowledge base seeded by intake (直接答复). */
export const CONSULT_MATTERS: readonly DemoMatter[] = [
  consult(
    'retirement',
    '050201',
    '我明年到退休年龄了，办理退休和申领养老金需要准备哪些材料？',
    'kb-ss-002',
    '已告知办理退休所需身份证、户口簿、档案等材料，以及养老金申领的线上和窗口办理渠道。',
  ),
  consult(
    'power-repair',
    '010302',
    '{addr}家里突然停电了，邻居家有电，应该找谁报修？',
    'kb-ut-005',
    '已告知先检查户内空气开关，户外故障可拨打供电服务热线或通过网上国网APP报修。',
  ),
  consult(
    'pension-transfer',
    '050201',
    '我从外省调到榕城工作，养老保险怎么跨省转移接续？',
    'kb-ss-007',
    '已告知养老保险关系跨省转移可通过国家社会保险公共服务平台线上申请，并说明办理时限。',
  ),
  consult(
    'medical-remote',
    '050202',
    '父母要去外地住一段时间，异地就医备案怎么办？',
    'kb-ss-004',
    '已告知异地就医备案可通过医保APP线上办理，并说明备案类型和报销比例。',
  ),
  consult(
    'pension-flexible',
    '050201',
    '我是灵活就业人员，怎么交职工养老保险？',
    'kb-ss-001',
    '已告知灵活就业人员参保登记渠道、缴费基数档次和缴费方式。',
  ),
  consult(
    'school-migrant',
    '060101',
    '外地户口孩子随迁在{addr}附近上学，需要准备哪些材料？',
    'kb-hr-007',
    '已告知随迁子女入学所需居住证、务工或经商证明等材料及报名时间。',
  ),
  consult(
    'water-plan',
    '010301',
    '怎么查询{addr}这一片的计划停水信息？',
    'kb-ut-001',
    '已告知可通过自来水公司公众号、官网及小区公告查询计划停水信息。',
  ),
  consult(
    'gas-account',
    '010303',
    '新房在{addr}，燃气开户通气要怎么办理？',
    'kb-ut-003',
    '已告知燃气开户所需材料、预约通气方式和安全检查要求。',
  ),
  consult(
    'elderly-bus',
    '020101',
    '家里老人七十岁了，免费乘公交卡怎么办？',
    'kb-tr-005',
    '已告知老年人免费乘车卡的办理条件、所需材料和办理网点。',
  ),
  consult(
    'traffic-fine',
    '020201',
    '收到短信说有交通违法记录，在哪里查询和处理？',
    'kb-tr-002',
    '已告知可通过交管12123 APP查询和处理交通违法记录。',
  ),
  consult(
    'parking-fee',
    '020202',
    '{addr}路边停车怎么收费？晚上也收费吗？',
    'kb-tr-004',
    '已告知城区道路停车收费标准、收费时段和缴费方式。',
  ),
];

function consult(
  key: string,
  categoryCode: string,
  text: string,
  articleId: string,
  answer: string,
): DemoMatter {
  return {
    key,
    categoryCode,
    types: ['consult'],
    handler: { kind: 'street' },
    texts: [text],
    results: [answer],
    answer: { articleId, text: answer },
  };
}
