export interface DuplicateSide {
  content: string;
  phone?: string;
  address?: string;
  categoryCode?: string;
}

export interface DuplicatePair {
  /** The new contact. */
  contact: DuplicateSide;
  /** The open case it is compared with. */
  openCase: DuplicateSide;
  duplicate: boolean;
}

const A = '13805910001';
const B = '13905910002';
const C = '15005910003';

/** Pairs of requests, labelled by hand: the same matter (并单) or not. Written for this project. */
export const DUPLICATE_EVAL_SET: readonly DuplicatePair[] = [
  // The same caller asking again, in other words.
  {
    contact: { phone: A, content: '我上周反映的幸福小区门口路灯不亮的问题，到现在还没修好。' },
    openCase: {
      phone: A,
      content: '幸福小区大门口的路灯坏了，晚上一片漆黑，希望尽快维修。',
      categoryCode: '010102',
    },
    duplicate: true,
  },
  {
    contact: { phone: B, content: '工地晚上还在施工，吵得睡不着，第三次打电话了。' },
    openCase: {
      phone: B,
      content: '金山大道旁边的工地每天晚上十一点后还在施工，噪音扰民。',
      categoryCode: '030101',
    },
    duplicate: true,
  },
  {
    contact: { phone: C, content: '包工头欠的工资还是没给，你们到底管不管？' },
    openCase: {
      phone: C,
      content: '我们在晋安区某工地干活，包工头拖欠工资六万多元。',
      categoryCode: '050101',
    },
    duplicate: true,
  },
  {
    contact: { phone: A, content: '健身房跑路的事情有进展吗？会员卡的钱能退吗？' },
    openCase: {
      phone: A,
      content: '健身房突然关门跑路，我办的会员卡还有三千多没用完。',
      categoryCode: '040102',
    },
    duplicate: true,
  },
  {
    contact: { phone: B, content: '1号楼电梯还是坏的，老人下不了楼。' },
    openCase: {
      phone: B,
      content: '我们小区1号楼电梯故障停运三天了，物业说在等配件。',
      categoryCode: '010201',
    },
    duplicate: true,
  },
  {
    contact: { phone: C, content: '垃圾桶满了还没人清运，又臭又脏。' },
    openCase: { phone: C, content: '小区垃圾桶好几天没人清运，垃圾堆积，臭气熏天。', categoryCode: '030201' },
    duplicate: true,
  },
  {
    contact: { phone: A, content: '停水到现在还没来水，什么时候恢复？' },
    openCase: { phone: A, content: '首山路一带从早上开始停水，没有提前通知。', categoryCode: '010301' },
    duplicate: true,
  },
  // Neighbours reporting the same thing at the same place.
  {
    contact: { phone: B, address: '鼓楼区五四路88号', content: '五四路上有个井盖不见了，很危险。' },
    openCase: {
      phone: C,
      address: '鼓楼区五四路90号',
      content: '五四路井盖缺失，有个黑洞，请尽快处理。',
      categoryCode: '010103',
    },
    duplicate: true,
  },
  {
    contact: { phone: C, address: '台江区达道路', content: '达道路路面塌陷了一个大坑，车都绕着走。' },
    openCase: {
      phone: A,
      address: '台江区达道路',
      content: '达道路中间路面塌陷，形成大坑，存在安全隐患。',
      categoryCode: '010101',
    },
    duplicate: true,
  },
  {
    contact: { phone: A, content: '阳光花园小区对面的烧烤店油烟太大了，熏得开不了窗。' },
    openCase: { phone: B, content: '阳光花园对面烧烤店油烟直排，居民窗户都不敢开。', categoryCode: '030102' },
    duplicate: true,
  },
  {
    contact: { phone: B, content: '湖东路口红绿灯一直闪黄灯，很乱。' },
    openCase: { phone: C, content: '湖东路口的红绿灯坏了，一直闪黄灯，交通混乱。', categoryCode: '020201' },
    duplicate: true,
  },
  {
    contact: { content: '江滨公园广场舞音响太吵了，十点多还不停。' },
    openCase: {
      phone: A,
      content: '江滨公园每天晚上广场舞音响声音很大，十点以后还在跳，影响休息。',
      categoryCode: '030101',
    },
    duplicate: true,
  },
  {
    contact: { phone: C, address: '仓山区金山大道', content: '金山大道辅路人行道砖松动，老人摔倒了。' },
    openCase: {
      phone: B,
      address: '仓山区金山大道',
      content: '金山大道辅路人行道砖翘起松动，多人绊倒。',
      categoryCode: '010101',
    },
    duplicate: true,
  },
  {
    contact: { phone: A, content: '举报光明港有工厂偷排污水，河水又黑又臭。' },
    openCase: { phone: C, content: '光明港河水发黑发臭，怀疑附近工厂偷排污水。', categoryCode: '030103' },
    duplicate: true,
  },
  {
    contact: { phone: B, content: '52路公交晚上班次太少，等了四十分钟。' },
    openCase: { phone: B, content: '建议52路公交车晚上增加班次，九点后要等很久。', categoryCode: '020101' },
    duplicate: true,
  },
  {
    contact: { phone: C, content: '幸福小区3号楼楼顶有人加盖彩钢房。' },
    openCase: { phone: A, content: '举报幸福小区3号楼顶层住户私自加盖彩钢房。', categoryCode: '010203' },
    duplicate: true,
  },
  // The same caller, another matter.
  {
    contact: { phone: A, content: '请问灵活就业人员养老保险怎么缴纳？' },
    openCase: { phone: A, content: '幸福小区大门口的路灯坏了，晚上一片漆黑。', categoryCode: '010102' },
    duplicate: false,
  },
  {
    contact: { phone: B, content: '小区门口流动摊贩占道经营，堵得走不动。' },
    openCase: { phone: B, content: '我们小区1号楼电梯故障停运三天了。', categoryCode: '010201' },
    duplicate: false,
  },
  {
    contact: { phone: C, content: '孩子上小学划片的问题想咨询一下。' },
    openCase: { phone: C, content: '小区垃圾桶好几天没人清运，垃圾堆积。', categoryCode: '030201' },
    duplicate: false,
  },
  {
    contact: { phone: A, content: '楼下新开的餐馆后厨卫生很差，到处是苍蝇。' },
    openCase: { phone: A, content: '健身房突然关门跑路，会员卡的钱退不了。', categoryCode: '040102' },
    duplicate: false,
  },
  // The same place, another matter.
  {
    contact: { phone: B, address: '鼓楼区五四路88号', content: '五四路88号门口的路灯不亮了。' },
    openCase: {
      phone: C,
      address: '鼓楼区五四路90号',
      content: '五四路井盖缺失，有个黑洞。',
      categoryCode: '010103',
    },
    duplicate: false,
  },
  {
    contact: { phone: C, content: '幸福小区物业乱收停车费。' },
    openCase: { phone: A, content: '幸福小区大门口的路灯坏了，晚上一片漆黑。', categoryCode: '010102' },
    duplicate: false,
  },
  {
    contact: { phone: A, address: '台江区达道路', content: '达道路上有商铺占道经营，摆满了货物。' },
    openCase: {
      phone: B,
      address: '台江区达道路',
      content: '达道路中间路面塌陷，形成大坑。',
      categoryCode: '010101',
    },
    duplicate: false,
  },
  {
    contact: { phone: B, content: '江滨公园的公共厕所太少，周末不够用。' },
    openCase: { phone: A, content: '江滨公园每天晚上广场舞音响声音很大。', categoryCode: '030101' },
    duplicate: false,
  },
  // The same kind of matter, elsewhere.
  {
    contact: { phone: C, content: '阳光花园小区门口路灯坏了。' },
    openCase: { phone: A, content: '幸福小区大门口的路灯坏了，晚上一片漆黑。', categoryCode: '010102' },
    duplicate: false,
  },
  {
    contact: { phone: A, content: '仓山区首山路附近的工地夜间施工噪音扰民。' },
    openCase: {
      phone: B,
      content: '金山大道旁边的工地每天晚上十一点后还在施工，噪音扰民。',
      categoryCode: '030101',
    },
    duplicate: false,
  },
  {
    contact: { phone: B, content: '我在另一个工地干活，老板拖欠工资三万元。' },
    openCase: {
      phone: C,
      content: '我们在晋安区某工地干活，包工头拖欠工资六万多元。',
      categoryCode: '050101',
    },
    duplicate: false,
  },
  {
    contact: { phone: C, content: '理发店会员卡充值后店铺转让，老板不认账。' },
    openCase: {
      phone: A,
      content: '健身房突然关门跑路，我办的会员卡还有三千多没用完。',
      categoryCode: '040102',
    },
    duplicate: false,
  },
  {
    contact: { phone: A, content: '晋安区岳峰镇停电一整天了。' },
    openCase: { phone: B, content: '首山路一带从早上开始停水，没有提前通知。', categoryCode: '010301' },
    duplicate: false,
  },
  {
    contact: { phone: B, content: '8路公交车司机开车太猛，乘客摔倒了。' },
    openCase: { phone: C, content: '建议52路公交车晚上增加班次，九点后要等很久。', categoryCode: '020101' },
    duplicate: false,
  },
  {
    contact: { phone: C, content: '白马路口的红绿灯时间太短。' },
    openCase: { phone: A, content: '湖东路口的红绿灯坏了，一直闪黄灯，交通混乱。', categoryCode: '020201' },
    duplicate: false,
  },
  {
    contact: { phone: A, content: '闽江边上有人钓鱼乱扔垃圾。' },
    openCase: { phone: C, content: '光明港河水发黑发臭，怀疑附近工厂偷排污水。', categoryCode: '030103' },
    duplicate: false,
  },
];
