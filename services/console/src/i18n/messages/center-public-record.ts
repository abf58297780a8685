import type { AreaMessages } from './messages.types';

/** The public record review (办件公开审核, `/center/public-record`): what the portal may publish. */
const messages: AreaMessages = {
  'zh-CN': {
    'center.publicRecord.title': '办件公开审核',
    'center.publicRecord.hint':
      '共 {count} 件已归档工单待审核；系统已隐去姓名、电话等个人信息，请核对后公开或不予公开',
    'center.publicRecord.none': '没有待审核的办件',
    'center.publicRecord.redacted': '已隐去个人信息',
    'center.publicRecord.publish': '公开',
    'center.publicRecord.withhold': '不予公开',
    'center.publicRecord.withholdTitle': '工单 {number} 不予公开',
    'center.publicRecord.reason': '不予公开的原因',
    'center.publicRecord.request': '诉求内容（公开文本）',
    'center.publicRecord.answer': '办理结果（公开文本）',
    'center.publicRecord.category': '分类',
    'center.publicRecord.district': '区县',
    'center.publicRecord.closedAt': '归档时间',
  },
  en: {
    'center.publicRecord.title': 'Public record review',
    'center.publicRecord.hint':
      '{count} closed cases await review; names, phone numbers and other personal data are already taken out: check, then publish or withhold',
    'center.publicRecord.none': 'No cases await review',
    'center.publicRecord.redacted': 'Personal data taken out',
    'center.publicRecord.publish': 'Publish',
    'center.publicRecord.withhold': 'Withhold',
    'center.publicRecord.withholdTitle': 'Withhold case {number}',
    'center.publicRecord.reason': 'Why it is withheld',
    'center.publicRecord.request': 'Request (as published)',
    'center.publicRecord.answer': 'Answer (as published)',
    'center.publicRecord.category': 'Category',
    'center.publicRecord.district': 'District',
    'center.publicRecord.closedAt': 'Closed',
  },
};

export default messages;
