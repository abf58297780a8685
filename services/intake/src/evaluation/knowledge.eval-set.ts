export interface KnowledgeQuery {
  query: string;
  /** The article an agent would read out for it. */
  expected: string;
}

/** Questions as citizens ask them, labelled by hand with the article that answers them. */
export const KNOWLEDGE_EVAL_SET: readonly KnowledgeQuery[] = [
  { query: '我是开网约车的，自己交养老保险怎么交', expected: 'kb-ss-001' },
  { query: '个体户可以自己买社保吗', expected: 'kb-ss-001' },
  { query: '明年到退休年龄了要准备什么', expected: 'kb-ss-002' },
  { query: '社保只交了十二年能领退休金吗', expected: 'kb-ss-002' },
  { query: '医保卡掉了', expected: 'kb-ss-003' },
  { query: '在外地住院怎么直接报销', expected: 'kb-ss-004' },
  { query: '住院能报多少钱 起付线是多少', expected: 'kb-ss-005' },
  { query: '被公司裁员了能领失业金吗', expected: 'kb-ss-006' },
  { query: '从广东回来工作 以前交的社保怎么转过来', expected: 'kb-ss-007' },
  { query: '租房子能不能取公积金', expected: 'kb-hf-001' },
  { query: '买了二手房公积金可以拿出来吗', expected: 'kb-hf-002' },
  { query: '公积金最多能贷多少', expected: 'kb-hf-003' },
  { query: '公积金交了半年可以申请贷款吗', expected: 'kb-hf-004' },
  { query: '辞职了公积金怎么取出来', expected: 'kb-hf-005' },
  { query: '怎么查公积金账户里有多少钱', expected: 'kb-hf-006' },
  { query: '老板不给交公积金', expected: 'kb-hf-007' },
  { query: '外地人在福州买了房能落户吗', expected: 'kb-hr-001' },
  { query: '宝宝刚出生怎么报户口', expected: 'kb-hr-002' },
  { query: '身份证快过期了在哪里换', expected: 'kb-hr-003' },
  { query: '外地人办居住证要什么', expected: 'kb-hr-004' },
  { query: '身份证丢了明天要坐高铁怎么办', expected: 'kb-hr-005' },
  { query: '户口从外省迁过来要两边跑吗', expected: 'kb-hr-006' },
  { query: '孩子没有本地户口怎么上小学', expected: 'kb-hr-007' },
  { query: '今天为什么停水 什么时候来水', expected: 'kb-ut-001' },
  { query: '水龙头放出来是黄水', expected: 'kb-ut-002' },
  { query: '新房子要开通天然气', expected: 'kb-ut-003' },
  { query: '家里煤气味很重怎么办', expected: 'kb-ut-004' },
  { query: '家里没电了找谁修', expected: 'kb-ut-005' },
  { query: '晚上用电是不是便宜一点', expected: 'kb-ut-006' },
  { query: '买了二手房水电怎么改名字', expected: 'kb-ut-007' },
  { query: '驾照快到期了', expected: 'kb-tr-001' },
  { query: '闯红灯被拍了怎么交罚款', expected: 'kb-tr-002' },
  { query: '新车几年不用去检测', expected: 'kb-tr-003' },
  { query: '路边停车怎么收费', expected: 'kb-tr-004' },
  { query: '我妈66岁坐公交要钱吗', expected: 'kb-tr-005' },
  { query: '电瓶车怎么上牌照', expected: 'kb-tr-006' },
  { query: '追尾了没人受伤怎么处理', expected: 'kb-tr-008' },
];
