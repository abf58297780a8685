import type { CaseType, EmergencyService, NotAcceptedReason } from '@hotline/contracts';

/**
 * Emergencies, their near misses and the not-accepted matters, as whole requests in citizens'
 * words (`{place}` is filled by the generator). Written by hand for this project. The near misses
 * carry the words an emergency would (着火, 冒烟, 倒地, 撞) without being one.
 */
export interface SpecialMatter {
  text: string;
  type: CaseType;
  categoryCode?: string;
  emergency?: EmergencyService;
  notAccepted?: NotAcceptedReason;
}

const e = (
  emergency: EmergencyService,
  type: CaseType,
  texts: readonly string[],
  categoryCode?: string,
): SpecialMatter[] =>
  texts.map((text) => ({ text, type, emergency, ...(categoryCode ? { categoryCode } : {}) }));

const na = (notAccepted: NotAcceptedReason, type: CaseType, texts: readonly string[]): SpecialMatter[] =>
  texts.map((text) => ({ text, type, notAccepted }));

const plain = (type: CaseType, categoryCode: string | undefined, texts: readonly string[]): SpecialMatter[] =>
  texts.map((text) => ({ text, type, ...(categoryCode ? { categoryCode } : {}) }));

export const EMERGENCIES: readonly SpecialMatter[] = [
  ...e('120', 'help', [
    '我爸刚才在{place}倒地上了，叫他不应，嘴巴也歪了',
    '家里老人突然说不出话，半边身子动不了，快派人来',
    '邻居阿姨晕倒在楼道里，怎么叫都没反应',
    '我老公胸口疼得厉害，一直冒冷汗，喘不上气',
    '孩子从楼梯上摔下来，头上流了好多血，止不住',
    '{place}有个人躺在路边一动不动，好像没呼吸了',
    '我妈在家摔倒了，头流了很多血，人有点迷糊',
    '有人吃了一整瓶安眠药，现在叫不醒',
    '工地上有工人从架子上掉下来，腿都变形了，人昏过去了',
    '我奶奶抽搐口吐白沫，手脚冰凉',
    '朋友喝酒喝到昏迷，呼吸很弱',
    '小孩被鱼刺卡住了喉咙，脸都憋紫了',
    '老人家脸一边歪了，手也抬不起来，说话含糊不清',
    '我被狗咬了，腿上一直流血，伤口很深',
  ]),
  ...e('119', 'help', [
    '{place}有栋房子着火了，火很大，浓烟滚滚',
    '楼下饭店着火了，明火都窜到二楼了',
    '隔壁房子里冒出大量黑烟，好像有东西烧起来了，里面可能有人',
    '厨房里燃气味很重，好像漏气了，不敢开灯',
    '楼道里一股很浓的煤气味，担心要爆炸',
    '电动车在楼道里充电起火了，烟很大',
    '{place}的山上起火了，火势往村子这边蔓延',
    '有人被困在电梯里半个小时了，里面还有小孩，喊救命',
    '仓库里冒烟了，能看到火苗，里面堆的都是纸箱',
    '小孩被锁在车里，太阳底下，车里很热',
  ]),
  ...e('110', 'report', [
    '{place}有人持刀抢劫，刚刚往巷子里跑了',
    '有个男的在小区门口拿着刀威胁路人，保安不敢靠近',
    '楼上两口子在打架，女的一直喊救命',
    '我家门被撬了，小偷好像还在屋里',
    '{place}一群人拿着棍子在打架，有人被打倒了',
    '有人在我家门口砸门，说要杀了我',
    '有人正在偷电动车的电瓶，就在楼下',
  ]),
  ...e('110', 'help', [
    '我的孩子在{place}走丢了，找了一个小时都没找到',
    '接到电话说我儿子被绑架了，要我马上转钱',
  ]),
  ...e('122', 'help', [
    '{place}两辆车撞了，有人受伤躺在地上',
    '刚才一辆货车把骑电动车的人撞了，人流了很多血',
    '高架上发生连环追尾，有人被卡在车里出不来',
    '我骑车被小轿车撞了，腿动不了，司机要跑',
    '路口车祸，摩托车司机倒在地上不动了',
    '公交车和小车相撞，车上有乘客受伤',
  ]),
];

/** Words of an emergency without one (these carry no emergency label): the examples first. */
export const NEAR_MISSES: readonly SpecialMatter[] = [
  ...plain('help', '010303', [
    '家里燃气灶打不着火，点了好几次都不行，做不了饭',
    '热水器打不着火了，是不是燃气没气了',
  ]),
  ...plain('complaint', '030102', [
    '{place}工厂的烟囱冒黑烟，一天到晚都在冒',
    '对面楼顶的烟囱天天冒黑烟，窗户都不敢开',
    '烧烤店的烟熏得整条街都是，呛得人直咳嗽',
  ]),
  ...plain('complaint', '020201', [
    '{place}的红路灯坏了好几天了，车辆乱闯',
    '路口红路灯时间太短了，行人过不去',
    '十字路口的红录灯一直闪黄灯',
  ]),
  ...plain('complaint', '010201', [
    '上次着火以后物业一直没修好消防设施',
    '消防通道被堵，万一着火怎么办，物业不管',
    '小区的灭火器都过期了，物业说没钱换',
  ]),
  ...plain('consult', '070101', [
    '我想问一下叫救护车是怎么收费的',
    '上个月我爸晕倒住院了，现在想问医保能报多少',
  ]),
  ...plain('consult', undefined, [
    '去年在路口被车撞了，保险理赔到现在没下来，该找谁',
    '我家没有着火，就是想问问家里该买什么样的灭火器',
    '小区昨天打架的事派出所已经处理完了，我想问调解书怎么拿',
    '想咨询一下急救培训在哪里报名',
  ]),
  ...plain('complaint', '020202', ['小区门口车子乱停，救护车上次都开不进来']),
  ...plain('complaint', '030101', ['楼下有人放鞭炮像打仗一样，吵得孩子哭']),
];

export const NOT_ACCEPTED: readonly SpecialMatter[] = [
  ...na('in-legal-proceedings', 'complaint', [
    '这个案子法院已经立案了，你们帮我催一下法官',
    '我跟公司的劳动仲裁还没裁决，想让你们给仲裁委打个招呼',
    '我的离婚案子二审还没判，想让你们帮我问问法官什么时候判',
    '我已经向法院起诉了开发商，希望政府出面让他们赔钱',
    '拆迁补偿的事我申请了行政复议，复议决定还没出来',
    '这件事我已经去信访局上访了，信访局受理了，你们也管一下',
    '我们和物业的官司正在打，判决前你们能不能先让物业退钱',
    '工伤的事已经申请仲裁，开庭排到下个月了，我等不及',
    '法院判了对方赔钱，可是一直不执行，你们帮忙催一下执行',
  ]),
  ...na('other-authority', 'report', [
    '我要举报我们村的村支书贪污，他是党员干部',
    '我要反映一个人大代表利用身份搞工程',
    '法官收了对方的钱，判决明显不公，我要投诉这个法官',
    '检察院的人办案拖拉，我的案子两年没结果',
    '部队营区的施工噪音很大，想反映一下',
    '纪委能不能查一下我们镇长的问题，他收了很多礼',
    '政协委员的提案写得不对，我想给他提意见',
  ]),
  ...na('secrets-or-privacy', 'consult', [
    '帮我查一下这个手机号是谁的，他欠我钱',
    '我想知道前妻现在住在哪里，你们帮我查一下地址',
    '能不能把举报我的人的名字告诉我',
    '我想看看竞争对手公司在政府备案的技术资料',
    '帮我查一下我男朋友的开房记录',
  ]),
  ...na('already-being-handled', 'complaint', [
    '我上周已经打过电话反映了，有受理号，现在还在处理吗，就是同一件事',
    '前几天反映的那个工单说在办理中，我再催一下，情况跟上次一样',
    '之前登记过了，说转给街道了，我就是问问办到哪一步了',
  ]),
  ...na('already-concluded', 'complaint', [
    '这个事情去年已经办结了，答复我也收到了，我还是不服，再反映一次',
    '上个月你们已经回复过结果了，我没有新情况，就是还想再反映一遍',
    '同样的问题已经答复过三次了，我还要继续打',
  ]),
  ...na('outside-jurisdiction', 'complaint', [
    '我在上海浦东的商场买了假货，想投诉那个商场',
    '我老家在河南周口，村里的路坏了好几年没修',
    '在厦门旅游的时候被导游强制购物，想投诉',
    '我在广州打工的工厂拖欠工资，工厂在番禺区',
    '北京朝阳区的房东不退押金，我现在人在这边',
    '杭州西湖边的停车场乱收费，我上周去玩的时候遇到的',
  ]),
];

/** Named another city, but the matter is here: never outside the jurisdiction. */
export const NAMED_ELSEWHERE: readonly SpecialMatter[] = [
  ...plain('complaint', '040103', ['{place}的商场卖的东西比上海的还贵，价格明显有问题']),
  ...plain('consult', '050201', ['我以前在深圳交的养老保险，怎么转到我们这里来']),
  ...plain('consult', '050202', ['从北京回来以后，在本地看病医保怎么报销']),
  ...plain('complaint', '020101', ['从厦门来的游客说我们这的公交车太难等了，{place}的站台要等半小时']),
];
