import type { DemoMatter } from './demo-matter';

/** Streets, housing, utilities, environment and city appearance. */
export const URBAN_MATTERS: readonly DemoMatter[] = [
  {
    key: 'construction-noise',
    categoryCode: '030101',
    types: ['complaint', 'report'],
    handler: { kind: 'street' },
    texts: [
      '{addr}附近工地每天晚上十点以后还在打桩施工，噪音扰民，老人小孩都睡不着，希望尽快处理。',
      '{addr}旁边的工地凌晨还有渣土车进出和机械作业，连续一周了，要求查处夜间违规施工。',
    ],
    results: [
      '经街道城管中队现场核查，该工地未办理夜间施工许可，已责令其22时后停止高噪声作业并作出处罚，街道将持续巡查。',
      '已约谈施工单位负责人，调整作业时间为早7时至晚10时，并在工地围挡加装隔音板，已电话告知来电人。',
    ],
  },
  {
    key: 'square-dance-noise',
    categoryCode: '030101',
    types: ['complaint', 'suggestion'],
    handler: { kind: 'street' },
    texts: [
      '{addr}小区广场每晚广场舞音响开得很大，一直到九点半以后，影响学生学习，希望社区协调控制音量和时间。',
      '{addr}楼下商铺每天用大喇叭循环播放促销广告，噪音扰民。',
    ],
    results: [
      '社区已与广场舞队负责人沟通，约定音量不超过60分贝、21时前结束，社区网格员将每晚巡查。',
      '已联系商铺负责人，当场撤除外放音响，告知其违反《噪声污染防治法》相关规定。',
    ],
  },
  {
    key: 'street-light',
    categoryCode: '010102',
    types: ['report', 'help'],
    handler: { kind: 'city', unitId: 'urban-management' },
    texts: [
      '{addr}一段路灯不亮已经一个多星期，晚上走路很黑，存在安全隐患，请尽快维修。',
      '{addr}路灯时亮时不亮，晚上有一段完全漆黑，行人和电动车容易发生碰撞。',
    ],
    results: [
      '路灯管理所已派员检修，系电缆老化导致线路短路，已更换电缆，路灯恢复正常照明。',
      '经排查为灯具损坏，已更换LED灯头6盏，现已正常亮灯。',
    ],
  },
  {
    key: 'manhole-cover',
    categoryCode: '010103',
    types: ['report'],
    handler: { kind: 'city', unitId: 'urban-management' },
    texts: [
      '{addr}人行道上一个井盖破损塌陷，旁边就是学校，小孩上下学很危险，请尽快处理。',
      '{addr}路口井盖缺失，只用一个锥桶挡着，晚上看不清，已经有电动车摔倒。',
    ],
    results: [
      '已设置临时围挡并于当日更换防坠落井盖，经核实该井盖权属为市政排水。',
      '产权单位已更换新井盖并加装防坠网，现场已恢复通行。',
    ],
  },
  {
    key: 'road-damage',
    categoryCode: '010101',
    types: ['report', 'complaint'],
    handler: { kind: 'city', unitId: 'urban-management' },
    texts: [
      '{addr}路面坑洼严重，下雨天积水看不见坑，电动车经过很危险。',
      '{addr}道路施工后没有恢复路面，坑坑洼洼已经两个月了。',
    ],
    results: ['市政养护单位已对该路段进行沥青修补，修补面积约40平方米，已恢复平整。'],
  },
  {
    key: 'waterlogging',
    categoryCode: '010104',
    types: ['help', 'complaint'],
    handler: { kind: 'street' },
    texts: [
      '{addr}一下雨就积水，水深到小腿，雨水井好像堵了，请安排疏通。',
      '{addr}门口下水道堵塞返臭水，污水流到人行道上。',
    ],
    results: ['街道已联系排水养护单位疏通雨水管道约120米，清理淤泥两车，积水问题已解决。'],
  },
  {
    key: 'water-outage',
    categoryCode: '010301',
    types: ['help', 'complaint'],
    handler: { kind: 'city', unitId: 'water-group' },
    texts: [
      '{addr}从今天早上开始停水，没有看到停水通知，请问什么时候恢复供水？',
      '{addr}这几天水压很低，高楼层基本没水，已经影响正常生活。',
    ],
    results: [
      '经查系附近主管道爆管抢修导致停水，已于当晚20时恢复供水，今后计划停水将提前24小时公告。',
      '已对小区二次供水泵房进行检修，更换故障水泵，水压已恢复正常。',
    ],
  },
  {
    key: 'power-outage',
    categoryCode: '010302',
    types: ['help'],
    handler: { kind: 'city', unitId: 'power-supply' },
    texts: [
      '{addr}整栋楼突然停电，冰箱里的东西都要坏了，请尽快抢修。',
      '{addr}最近经常跳闸停电，一周停了三次，请供电部门检查线路。',
    ],
    results: ['供电抢修人员已到场，系小区配电箱老化故障，已更换开关设备并恢复供电。'],
  },
  {
    key: 'property-dispute',
    categoryCode: '010201',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'housing-bureau' },
    texts: [
      '{addr}物业公司不作为，电梯坏了半个月没修，业主交了物业费却没人管。',
      '{addr}物业擅自提高停车费，没有经过业主大会同意，要求住建部门核查。',
      '{addr}物业公司要退出小区，新物业还没进场，现在垃圾没人清运，门禁也坏了。',
    ],
    results: [
      '住建局已约谈物业公司，责令其三日内完成电梯维修并加强日常维保，电梯已恢复运行。',
      '经核查，物业公司调整停车收费未履行法定程序，已责令恢复原收费标准并退还多收费用。',
      '属地街道已组织临时物业服务，垃圾已清运，并指导业委会依法选聘新物业。',
    ],
  },
  {
    key: 'housing-quality',
    categoryCode: '010202',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'housing-bureau' },
    texts: ['{addr}新交付的房子外墙渗水、卫生间漏水到楼下，开发商一直推诿不维修。'],
    results: ['住建局已责成开发企业在保修期内完成维修，经回访外墙和防水已重新施工。'],
  },
  {
    key: 'illegal-construction',
    categoryCode: '010203',
    types: ['report'],
    handler: { kind: 'street' },
    texts: [
      '{addr}顶楼住户在楼顶私自搭建彩钢房，存在安全隐患，举报违法建设。',
      '{addr}一楼住户把院子围起来扩建成房间，占用公共绿地。',
    ],
    results: ['街道执法队已现场核查，当事人未取得规划许可，已下达限期拆除通知书，违建已自行拆除。'],
  },
  {
    key: 'cooking-fumes',
    categoryCode: '030102',
    types: ['complaint'],
    handler: { kind: 'city', unitId: 'environment-bureau' },
    texts: [
      '{addr}楼下烧烤店油烟直排，没有安装净化设施，家里窗户都不敢开。',
      '{addr}餐饮店排烟管道对着居民楼，油烟污染严重。',
    ],
    results: ['生态环境执法人员已检查，责令该店安装油烟净化器并改造排烟管道，已整改到位。'],
  },
  {
    key: 'river-pollution',
    categoryCode: '030103',
    types: ['report'],
    handler: { kind: 'city', unitId: 'environment-bureau' },
    texts: ['{addr}附近内河水发黑发臭，有排污口往河里排水，请查处。'],
    results: ['经溯源排查为沿街商户雨污混接，已完成截污改造，河道水质明显改善。'],
  },
  {
    key: 'street-vending',
    categoryCode: '030202',
    types: ['complaint', 'report'],
    handler: { kind: 'street' },
    texts: [
      '{addr}每天傍晚大量流动摊贩占道经营，人行道都走不了，垃圾也到处都是。',
      '{addr}水果店把摊位摆到人行道上，行人只能走机动车道。',
    ],
    results: ['街道城管已加强早晚高峰巡查，规劝摊贩进入便民疏导点经营，占道现象已明显改善。'],
  },
  {
    key: 'rubbish',
    categoryCode: '030201',
    types: ['complaint'],
    handler: { kind: 'street' },
    texts: [
      '{addr}垃圾桶满了好几天没人清运，天气热臭气熏天。',
      '{addr}小区装修垃圾乱堆在楼道口，一直没人清理。',
    ],
    results: ['环卫所已清运垃圾并调整清运频次为每日两次，社区已通知物业加强管理。'],
  },
  {
    key: 'shared-bikes',
    categoryCode: '020202',
    types: ['complaint', 'suggestion'],
    handler: { kind: 'street' },
    texts: [
      '{addr}共享单车乱停乱放，堵住了盲道和小区出入口。',
      '建议在{addr}增设共享单车停放点，现在车辆随意停放影响通行。',
    ],
    results: ['已通知共享单车运营企业清理调度车辆，并在该处施划停放区域，安排专人定时整理。'],
  },
];
