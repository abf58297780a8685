import type { NotAcceptedReason } from '@hotline/contracts';

/** A request the hotline does not accept (不予受理), the explanation given, and where the citizen is referred. */
export interface DemoDecline {
  reason: NotAcceptedReason;
  categoryCode: string;
  text: string;
  explanation: string;
  referral: string;
}

export const DEMO_DECLINES: readonly DemoDecline[] = [
  {
    reason: 'in-legal-proceedings',
    categoryCode: '010202',
    text: '我和开发商的购房合同纠纷已经起诉到法院了，想请12345帮忙催法院尽快判决。',
    explanation: '该事项已进入诉讼程序，依照热线受理规定不予受理。',
    referral: '请向受理案件的人民法院了解审理进度。',
  },
  {
    reason: 'other-authority',
    categoryCode: '050102',
    text: '反映某单位工作人员违规操办宴席、收受礼金的问题。',
    explanation: '该事项属于纪检监察机关职责范围，热线不予受理。',
    referral: '请通过12388纪检监察举报电话或网站反映。',
  },
  {
    reason: 'outside-jurisdiction',
    categoryCode: '040103',
    text: '上个月在外省旅游时景区导游强制购物，回来后想投诉。',
    explanation: '该事项发生地不在本市，超出本热线受理范围。',
    referral: '请向事发地12345热线或12315消费者投诉平台反映。',
  },
  {
    reason: 'already-concluded',
    categoryCode: '010201',
    text: '还是之前反映过的小区停车位归属问题，已经答复过了，但我还是不认可。',
    explanation: '该诉求已依法办结并答复，来电反映的事实和理由与前次相同。',
    referral: '如对处理结果有异议，可依法申请行政复议或提起诉讼。',
  },
];

export const DEMO_EMERGENCIES: readonly DemoDecline[] = [
  {
    reason: 'emergency-119',
    categoryCode: '010303',
    text: '{addr}楼道里燃气味很重，还看到有烟冒出来，怎么办？',
    explanation: '该情况属于火灾、燃气泄漏紧急警情，应由119处置。',
    referral: '已即时转接119，并告知来电人立即开窗撤离、不要开关电器。',
  },
  {
    reason: 'emergency-120',
    categoryCode: '070101',
    text: '{addr}楼下有位老人摔倒了，叫不醒，请帮忙叫救护车！',
    explanation: '该情况属于急救警情，应由120处置。',
    referral: '已即时转接120急救中心，并告知来电人不要随意搬动伤者。',
  },
];
