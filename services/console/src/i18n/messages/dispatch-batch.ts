import type { AreaMessages } from './messages.types';

/** The center's batch dispatch (批量派单) from the case list. */
const messages: AreaMessages = {
  'zh-CN': {
    'batch.selected': '已选 {count} 件待派单工单',
    'batch.open': '批量派单',
    'batch.select': '选择工单 {number}',
    'batch.title': '批量派单（{count} 件）',
    'batch.hint': '每件工单单独派出，办理期限按各自的诉求类型计算；结果逐件显示。',
    'batch.submit': '派单',
    'batch.retry': '重试未成功的',
    'batch.close': '关闭',
    'batch.result': '结果',
    'batch.pending': '待派单',
    'batch.sending': '派单中',
    'batch.dispatched': '已派单',
    'batch.refused': '未派单：{reason}',
    'batch.summary': '已派单 {done} 件，未派单 {refused} 件',
  },
  en: {
    'batch.selected': '{count} cases to dispatch selected',
    'batch.open': 'Dispatch together',
    'batch.select': 'Select case {number}',
    'batch.title': 'Dispatch {count} cases',
    'batch.hint':
      'Each case is dispatched on its own, with the deadline of its type; the result shows case by case.',
    'batch.submit': 'Dispatch',
    'batch.retry': 'Retry those not dispatched',
    'batch.close': 'Close',
    'batch.result': 'Result',
    'batch.pending': 'To dispatch',
    'batch.sending': 'Dispatching',
    'batch.dispatched': 'Dispatched',
    'batch.refused': 'Not dispatched: {reason}',
    'batch.summary': '{done} dispatched, {refused} not dispatched',
  },
};

export default messages;
