import type { DocumentColumn, DocumentRow } from '@hotline/infra/documents';
import { TYPE_LABELS } from './report-labels';

/** A case of the reporting service's case list (GetReportCases), as far as the export shows it. */
export interface ReportCaseRow {
  _id: string;
  caseNumber: string;
  hour: string;
  districtId: string;
  unitId: string;
  categoryCode: string;
  channel: string;
  type: string;
  urgent: boolean;
  summary: string;
  status: string;
  completedAt: string | null;
}

export interface ReportCasesPage {
  cases: ReportCaseRow[];
  next: string | null;
  total?: number;
}

const STATUS_LABELS: Record<string, string> = {
  open: '办理中',
  completed: '已办结',
  closed: '已归档',
  answered: '直接答复',
  declined: '不予受理',
  merged: '已合并',
};

const CHANNEL_LABELS: Record<string, string> = {
  phone: '电话',
  voicemail: '留言',
  web: '网站',
  sms: '短信',
  email: '电子邮件',
  wechat: '微信',
  app: '移动应用',
  'mayor-mailbox': '市长信箱',
  open311: 'Open311',
  'district-platform': '区级平台',
};

export const CASE_LIST_COLUMNS: readonly DocumentColumn[] = [
  { key: 'caseNumber', header: '工单编号', width: 16 },
  { key: 'registered', header: '受理时段', width: 16 },
  { key: 'district', header: '区县', width: 10 },
  { key: 'unit', header: '承办单位', width: 18 },
  { key: 'category', header: '诉求分类', width: 10 },
  { key: 'channel', header: '渠道', width: 8 },
  { key: 'type', header: '诉求类型', width: 8 },
  { key: 'urgent', header: '紧急', width: 6 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'completedAt', header: '办结时间', width: 16, format: 'date' },
  { key: 'summary', header: '诉求摘要', width: 40 },
];

/** A case as a row of the export: names and labels, never ids or ISO timestamps. */
export function caseListRow(fact: ReportCaseRow, unitName: (id: string) => string): DocumentRow {
  return {
    caseNumber: fact.caseNumber,
    // `2026-11-03T08` (Beijing): the registration hour is what the counters keep.
    registered: `${fact.hour.slice(0, 10)} ${fact.hour.slice(11, 13)}时`,
    district: fact.districtId,
    unit: fact.unitId === '-' ? '热线中心' : unitName(fact.unitId),
    category: fact.categoryCode,
    channel: CHANNEL_LABELS[fact.channel] ?? fact.channel,
    type: TYPE_LABELS[fact.type] ?? fact.type,
    urgent: fact.urgent ? '是' : '',
    status: STATUS_LABELS[fact.status] ?? fact.status,
    completedAt: fact.completedAt,
    summary: fact.summary,
  };
}
