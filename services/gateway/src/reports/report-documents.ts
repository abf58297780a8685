import type { CaseDetailView } from '@hotline/contracts';
import {
  formatBeijingDateTime,
  type DocumentColumn,
  type DocumentRow,
  type DocumentTable,
  type PdfDocumentSpec,
} from '@hotline/infra/documents';
import { COUNTER_LABELS, GROUP_LABELS, KPI_LABELS, TYPE_LABELS } from './report-labels';

/** The parts of the reporting service's answers the documents read. */
interface KpiOf {
  key: string;
  value: number | null;
}
interface RowOf {
  key: string;
  counters: Record<string, number>;
  kpis: KpiOf[];
}
export interface KpiReportAnswer {
  from: string;
  to: string;
  groupBy: string | null;
  totals: RowOf;
  rows: RowOf[];
}
export interface ScorecardAnswer {
  from: string;
  to: string;
  units: (Record<string, unknown> & { name: string; score: number; rank: number })[];
}

export const CITY_FOOTER = '12345政务服务便民热线';
const HEADLINE_KPIS = [
  'dispatchOnTime',
  'onTimeCompletion',
  'completion',
  'callbackRate',
  'satisfaction',
  'beijingResponse',
  'beijingResolution',
  'returnRate',
  'redoRate',
];
const HEADLINE_COUNTERS = ['received', 'assigned', 'completed', 'evaluated', 'repeatContacts'];

/** A KPI report as one table: a row per group (or the total alone), counters then rates. */
export function kpiReportTable(
  report: KpiReportAnswer,
  names: (key: string) => string = (key) => key,
): DocumentTable {
  const columns: DocumentColumn[] = [
    {
      key: 'group',
      header: report.groupBy ? (GROUP_LABELS[report.groupBy] ?? report.groupBy) : '范围',
      width: 18,
    },
    ...HEADLINE_COUNTERS.map((key) => ({
      key,
      header: COUNTER_LABELS[key] ?? key,
      format: 'number' as const,
      width: 9,
    })),
    ...HEADLINE_KPIS.map((key) => ({
      key,
      header: KPI_LABELS[key] ?? key,
      format: 'percent' as const,
      width: 10,
    })),
  ];
  const toRow = (row: RowOf, label: string): DocumentRow => ({
    group: label,
    ...Object.fromEntries(HEADLINE_COUNTERS.map((key) => [key, row.counters[key] ?? 0])),
    ...Object.fromEntries(
      row.kpis.filter((kpi) => HEADLINE_KPIS.includes(kpi.key)).map((kpi) => [kpi.key, kpi.value]),
    ),
  });
  const rows = [...report.rows.map((row) => toRow(row, names(row.key))), toRow(report.totals, '合计')];
  return { columns, rows };
}

export function kpiReportTitle(report: { from: string; to: string }): string {
  return `热线运行指标报表（${report.from} 至 ${report.to}）`;
}

export function kpiReportPdf(report: KpiReportAnswer, names?: (key: string) => string): PdfDocumentSpec {
  const table = kpiReportTable(report, names);
  return {
    title: kpiReportTitle(report),
    footer: CITY_FOOTER,
    landscape: true,
    blocks: [
      { kind: 'title', text: kpiReportTitle(report) },
      {
        kind: 'paragraph',
        text: '口径说明：各项工单指标按工单受理日期（北京时间）归属统计期；比率为分子÷分母，分母为零时显示为空。',
      },
      { kind: 'table', ...table },
    ],
  };
}

export function scorecardTable(answer: ScorecardAnswer): DocumentTable {
  return {
    columns: [
      { key: 'rank', header: '排名', format: 'number', width: 6 },
      { key: 'name', header: '承办单位', width: 20 },
      { key: 'assigned', header: '承办数', format: 'number', width: 8 },
      { key: 'signedOnTime', header: '签收及时率', format: 'percent', width: 10 },
      { key: 'returnRate', header: '退回率', format: 'percent', width: 9 },
      { key: 'completedOnTime', header: '按期办结率', format: 'percent', width: 10 },
      { key: 'redoRate', header: '重办率', format: 'percent', width: 9 },
      { key: 'satisfaction', header: '满意率', format: 'percent', width: 9 },
      { key: 'repeatContacts', header: '重复来电', format: 'number', width: 8 },
      { key: 'score', header: '考核得分', format: 'number', width: 8 },
    ],
    rows: answer.units as DocumentRow[],
  };
}

const text = (value: string | undefined): string => value ?? '';
const when = (value: string | undefined): string => (value ? formatBeijingDateTime(value) : '');

/** 转办单: what the unit receives with a case, as the center prints and seals it. */
export function transferFormPdf(
  view: CaseDetailView,
  unitName: (id: string | undefined) => string,
  issuedAt: Date,
): PdfDocumentSpec {
  const coHandlers = view.units
    .filter((unit) => unit.role === 'co-handler')
    .map((unit) => unitName(unit.unitId));
  return {
    title: `转办单 ${view.caseNumber}`,
    footer: CITY_FOOTER,
    blocks: [
      { kind: 'title', text: '12345热线工单转办单' },
      {
        kind: 'fields',
        fields: [
          { label: '受理编号', value: view.caseNumber },
          { label: '受理时间', value: when(view.registeredAt) },
          { label: '诉求类型', value: TYPE_LABELS[view.type] ?? view.type },
          { label: '紧急程度', value: view.urgency === 'urgent' ? '紧急' : '一般' },
          { label: '诉求人', value: text(view.citizen.name) || '（保密）' },
          { label: '联系电话', value: text(view.citizen.phone) || '（保密）' },
          { label: '问题地点', value: text(view.place?.address ?? view.address), wide: true },
          { label: '诉求内容', value: view.content, wide: true },
          { label: '主办单位', value: unitName(view.leadUnitId) },
          { label: '协办单位', value: coHandlers.join('、') || '无' },
          { label: '办结时限', value: when(view.dueAt) },
          { label: '签收时限', value: when(view.units.find((unit) => unit.role === 'lead')?.signBy) },
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        text: '请承办单位在签收时限内签收，1个工作日内联系诉求人，并在办结时限内办理完毕、答复诉求人后反馈办理结果。如不属于本单位职责，请在签收时限内说明理由和依据退回。',
      },
      {
        kind: 'signature',
        lines: ['12345政务服务便民热线服务中心', when(issuedAt.toISOString()).slice(0, 10)],
      },
    ],
  };
}

/** 答复函: the result as the citizen receives it in writing. */
export function replyLetterPdf(
  view: CaseDetailView,
  unitName: (id: string | undefined) => string,
): PdfDocumentSpec {
  const reply = view.reply;
  return {
    title: `答复函 ${view.caseNumber}`,
    footer: CITY_FOOTER,
    blocks: [
      { kind: 'title', text: '关于12345热线诉求的答复函' },
      { kind: 'paragraph', text: `${text(view.citizen.name) || '市民'}：` },
      {
        kind: 'paragraph',
        indent: true,
        text: `您于${when(view.registeredAt)}通过12345热线反映的诉求（受理编号：${view.caseNumber}）已收悉：${view.content}`,
      },
      {
        kind: 'paragraph',
        indent: true,
        text: reply
          ? `经${unitName(reply.unitId)}办理，现答复如下：${reply.result}`
          : '您的诉求正在办理中，办理完毕后将另行答复。',
      },
      {
        kind: 'paragraph',
        indent: true,
        text: '感谢您对我们工作的关心和支持。如对答复有意见，可再次拨打12345热线反映。',
      },
      {
        kind: 'signature',
        lines: [unitName(reply?.unitId ?? view.leadUnitId), when(reply?.at).slice(0, 10)],
      },
    ],
  };
}
