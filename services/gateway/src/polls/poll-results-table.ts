import { formatBeijingDateTime, type DocumentTable, type PdfDocumentSpec } from '@hotline/infra/documents';
import { CITY_FOOTER } from '../reports/report-documents';

/** What `GetPollResults` answers, as far as the sheet needs it. */
export interface PollResultsView {
  title: string;
  status?: 'defined' | 'drawn' | 'published';
  verifyBy?: string;
  questions: { questionId: string; text: string; weight: number }[];
  rows: {
    unitId: string;
    name: string;
    interviews: number;
    index: number | null;
    rank: number | null;
    questions: { questionId: string; mean: number | null }[];
    verification?: { agreed: boolean; late: boolean; response?: string };
  }[];
}

const verificationLabel = (row: PollResultsView['rows'][number]): string => {
  const v = row.verification;
  if (!v) return '待核对';
  return `${v.agreed ? '无异议' : '有异议'}${v.late ? '（逾期）' : ''}`;
};

/**
 * The ranking sheet (民主评议结果): rank, unit name, interviews, the weighted index and each
 * question's mean score (the header says its weight), and the unit's verification; names, never ids.
 */
export function pollResultsTable(results: PollResultsView): DocumentTable {
  return {
    columns: [
      { key: 'rank', header: '名次', format: 'number', width: 8 },
      { key: 'name', header: '被评议单位', width: 24 },
      { key: 'interviews', header: '有效问卷', format: 'number', width: 10 },
      { key: 'index', header: '满意度指数', format: 'number', width: 12 },
      ...results.questions.map((q) => ({
        key: `q:${q.questionId}`,
        header: `${q.text}（权重${q.weight}）`,
        format: 'number' as const,
        width: 16,
      })),
      { key: 'verification', header: '核对认定', width: 14 },
      { key: 'response', header: '单位意见', width: 40 },
    ],
    rows: results.rows.map((row) => ({
      rank: row.rank ?? '',
      name: row.name,
      interviews: row.interviews,
      index: row.index ?? '',
      ...Object.fromEntries(row.questions.map((q) => [`q:${q.questionId}`, q.mean ?? ''])),
      verification: verificationLabel(row),
      response: row.verification?.response ?? '',
    })),
  };
}

const STATUS: Record<NonNullable<PollResultsView['status']>, string> = {
  defined: '准备中',
  drawn: '调查中（结果为阶段性结果）',
  published: '已发送单位核对',
};

/**
 * The round's printed report (民主评议结果报告): how the index is made, the round's state, the
 * ranking table of the sheet (the same columns), and the hotline as the issuing body. Drawn by the
 * shared document kit, whose CJK font is parsed once per process.
 */
export function pollReportPdf(results: PollResultsView, now: Date): PdfDocumentSpec {
  const title = `${results.title}结果报告`;
  const interviews = results.rows.reduce((sum, row) => sum + row.interviews, 0);
  const agreed = results.rows.filter((row) => row.verification?.agreed).length;
  const disputed = results.rows.filter((row) => row.verification && !row.verification.agreed).length;
  return {
    title,
    footer: CITY_FOOTER,
    landscape: true,
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'fields',
        fields: [
          { label: '评议状态', value: results.status ? STATUS[results.status] : '' },
          { label: '核对截止', value: results.verifyBy ? formatBeijingDateTime(results.verifyBy) : '未发送' },
          { label: '被评议单位', value: `${results.rows.length} 个` },
          { label: '有效问卷', value: `${interviews} 份（按单位累计）` },
          { label: '核对认定', value: `无异议 ${agreed} 个，有异议 ${disputed} 个`, wide: true },
        ],
      },
      {
        kind: 'paragraph',
        text:
          '口径说明：满意度指数 = Σ（题目权重 × 该题平均得分）÷ Σ 已作答题目的权重；各答案选项的分值按问卷设定。' +
          '审核不属实的问卷不计入。指数相同的单位名次相同。',
      },
      { kind: 'heading', text: '评议结果与排名' },
      { kind: 'table', ...pollResultsTable(results) },
      {
        kind: 'signature',
        lines: ['12345政务服务便民热线服务中心', formatBeijingDateTime(now).slice(0, 10)],
      },
    ],
  };
}
