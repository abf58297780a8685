import type { ContactChannel, EmergencyService } from '@hotline/contracts';

/**
 * Contacts that never become cases, as every hotline has them: emergencies referred at once, and
 * callers who hung up. `hoursAgo` places them in the last days.
 */
export const DEMO_REFERRALS: ReadonlyArray<{ service: EmergencyService; text: string; hoursAgo: number }> = [
  { service: '110', text: '{addr}有几个人在打架，有人手里拿着棍子，请快派警察！', hoursAgo: 20 },
  { service: '122', text: '{addr}两辆小车追尾，有人受伤了，堵在路中间。', hoursAgo: 55 },
  { service: '119', text: '{addr}一家店铺着火了，冒出很大的黑烟！', hoursAgo: 130 },
];

export const DEMO_ABANDONED: ReadonlyArray<{ text: string; hoursAgo: number }> = [
  { text: '（来电人未说明诉求即挂断）', hoursAgo: 3 },
  { text: '（短信内容不完整，回复后未再联系）', hoursAgo: 80 },
];

/** Messages that arrived in the last hour and wait for an agent (the agent desk's queue). */
export const DEMO_WAITING: ReadonlyArray<{ channel: ContactChannel; text: string; minutesAgo: number }> = [
  { channel: 'wechat', text: '{addr}的电梯又坏了，这个月第三次了，家里有老人上下楼很困难。', minutesAgo: 12 },
  { channel: 'email', text: '建议在{addr}附近增设一个公交站点，现在最近的站要走二十分钟。', minutesAgo: 26 },
  {
    channel: 'mayor-mailbox',
    text: '市长您好，{addr}一带晚上大货车经常超速，希望加装测速设备。',
    minutesAgo: 47,
  },
];
