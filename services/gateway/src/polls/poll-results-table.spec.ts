import { renderPdf } from '@hotline/infra/documents';
import { extractPdfText } from '@hotline/infra/documents/testing';
import { pollReportPdf, pollResultsTable, type PollResultsView } from './poll-results-table';

const results: PollResultsView = {
  title: '2026年度全市民主评议',
  status: 'published',
  verifyBy: '2026-12-10T09:59:59.000Z',
  questions: [
    { questionId: 'attitude', text: '服务态度', weight: 2 },
    { questionId: 'result', text: '办理结果', weight: 1 },
  ],
  rows: [
    {
      unitId: 'housing-bureau',
      name: '市住房和城乡建设局',
      interviews: 12,
      index: 93.3,
      rank: 1,
      questions: [
        { questionId: 'attitude', mean: 100 },
        { questionId: 'result', mean: 80 },
      ],
      verification: { agreed: true, late: false },
    },
    {
      unitId: 'water-group',
      name: '市自来水公司',
      interviews: 9,
      index: 33.3,
      rank: 2,
      questions: [
        { questionId: 'attitude', mean: 0 },
        { questionId: 'result', mean: 100 },
      ],
      verification: { agreed: false, late: true, response: '第3份问卷所述事项不属本单位职责' },
    },
  ],
};

describe('the opinion poll results as a sheet and a printed report', () => {
  it('ranks the units by name with each question weighted in its header, never an id', () => {
    const table = pollResultsTable(results);
    expect(table.columns.map((c) => c.header)).toEqual([
      '名次',
      '被评议单位',
      '有效问卷',
      '满意度指数',
      '服务态度（权重2）',
      '办理结果（权重1）',
      '核对认定',
      '单位意见',
    ]);
    expect(JSON.stringify(table.rows)).not.toContain('housing-bureau');
  });

  it('prints the report: the state of the round, how the index is made, the ranking and the issuing body', async () => {
    const pdf = await renderPdf(pollReportPdf(results, new Date('2026-12-07T02:00:00Z')));
    // A cell may wrap: read the pages as one run of text.
    const text = extractPdfText(pdf).join('').replace(/\n/g, '');
    for (const expected of [
      '2026年度全市民主评议结果报告',
      '已发送单位核对',
      '2026-12-10 17:59',
      '无异议 1 个，有异议 1 个',
      '满意度指数',
      '市住房和城乡建设局',
      '93.3',
      '有异议（逾期）',
      '12345政务服务便民热线服务中心',
      '2026-12-07',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('water-group');
  }, 60_000);
});
