import type { KnowledgeArticleContent } from '@hotline/contracts';
import type { z } from 'zod';

/**
 * Knowledge articles for categories the intake service's seed articles leave uncovered, written
 * for the demo; procedures and figures are examples, not any city's rules.
 */
export const DEMO_ARTICLES: ReadonlyArray<{
  articleId: string;
  content: z.input<typeof KnowledgeArticleContent>;
}> = [
  {
    articleId: 'kb-demo-001',
    content: {
      title: '夜间施工噪声扰民如何投诉',
      body: '城市建成区内22时至次日6时禁止进行产生噪声的建筑施工作业，因生产工艺要求或特殊需要必须连续施工的，须取得生态环境或住建部门的夜间施工证明并公告附近居民。市民可拨打12345反映，提供工地位置、施工时段和噪声情况；属地街道和执法部门将在接件后尽快现场核查，对无证夜间施工依法处罚。',
      categoryCode: '030101',
      tags: ['噪声', '夜间施工', '工地', '扰民', '打桩'],
      owningUnitId: 'environment-bureau',
    },
  },
  {
    articleId: 'kb-demo-002',
    content: {
      title: '预付卡消费纠纷如何维权退费',
      body: '办理预付卡时应签订书面合同并保存付款凭证。经营者停业、搬迁或擅自变更服务内容的，消费者可要求退还卡内余额。维权途径：先与经营者协商；协商不成可通过12345或12315向市场监管部门投诉，提供合同、付款记录和会员信息；涉嫌卷款跑路的可向公安机关报案；也可依法向人民法院起诉。',
      categoryCode: '040102',
      tags: ['预付卡', '会员卡', '健身房', '退费', '跑路', '储值卡'],
      owningUnitId: 'market-bureau',
    },
  },
  {
    articleId: 'kb-demo-003',
    content: {
      title: '被拖欠工资怎么办：劳动保障监察投诉流程',
      body: '用人单位拖欠工资的，劳动者可向用工所在地劳动保障监察机构投诉，需提供身份证、劳动合同或工作证明、工资欠条或考勤记录等材料。建设领域农民工工资可要求施工总承包单位从农民工工资专用账户代发。也可向劳动人事争议仲裁委员会申请仲裁，仲裁时效为一年。',
      categoryCode: '050101',
      tags: ['拖欠工资', '讨薪', '农民工', '劳动监察', '仲裁'],
      owningUnitId: 'hrss-bureau',
    },
  },
  {
    articleId: 'kb-demo-004',
    content: {
      title: '物业服务纠纷找谁解决',
      body: '物业服务企业未按合同提供服务（如电梯维修、保洁、安保不到位）的，业主可先向物业公司书面提出；未解决的可向小区业主委员会、所在社区居委会或街道反映，也可通过12345向住建部门投诉。物业收费须按合同和公示标准执行，调整收费应依法经业主共同决定。',
      categoryCode: '010201',
      tags: ['物业', '物业费', '电梯', '业委会', '物业纠纷'],
      owningUnitId: 'housing-bureau',
    },
  },
  {
    articleId: 'kb-demo-005',
    content: {
      title: '生活垃圾分类投放和清运时间',
      body: '居民生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类，按小区公示的时间和地点定时定点投放。装修垃圾须袋装后堆放在物业指定地点，由物业联系清运，不得混入生活垃圾。垃圾满溢或清运不及时的，可向物业或属地街道环卫所反映。',
      categoryCode: '030201',
      tags: ['垃圾分类', '垃圾清运', '装修垃圾', '环卫'],
      owningUnitId: 'urban-management',
    },
  },
];
