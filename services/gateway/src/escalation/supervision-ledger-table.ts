import type { SupervisionLedgerRow } from '@hotline/contracts';
import type { DocumentTable } from '@hotline/infra/documents';

export const SCOPE: Record<SupervisionLedgerRow['scope'], string> = {
  'buck-passing': '推诿扯皮',
  'repeat-complaint': '重复投诉',
  overdue: '超期未办',
  'dissatisfied-callback': '回访不满意',
  'leader-instruction': '领导批示',
  'media-exposure': '媒体曝光',
  other: '其他',
};
export const LEVEL: Record<SupervisionLedgerRow['level'], string> = {
  center: '热线办',
  'city-government': '市政府办公厅',
};
const STATUS: Record<SupervisionLedgerRow['status'], string> = {
  open: '督办中',
  responded: '已反馈',
  overdue: '整改超期',
  closed: '已办结',
};
const VERDICT: Record<string, string> = { rectified: '整改到位', 'not-rectified': '整改不到位' };

/** The ledger as the sheet shows it: Chinese headers and labels, Beijing times, no ids but the case number. */
export function ledgerTable(
  rows: readonly SupervisionLedgerRow[],
  unitNames: ReadonlyMap<string, string>,
): DocumentTable {
  return {
    columns: [
      { key: 'caseNumber', header: '受理号', width: 12 },
      { key: 'unitId', header: '承办单位', width: 16 },
      { key: 'scope', header: '督办类型', width: 12 },
      { key: 'level', header: '督办层级', width: 12 },
      { key: 'status', header: '状态', width: 10 },
      { key: 'openedAt', header: '督办时间', format: 'date', width: 18 },
      { key: 'rectifyBy', header: '整改期限', format: 'date', width: 18 },
      { key: 'note', header: '督办意见', width: 40 },
      { key: 'response', header: '单位反馈', width: 40 },
      { key: 'verdict', header: '办结结论', width: 12 },
    ],
    rows: rows.map((row) => ({
      caseNumber: row.caseNumber ?? '',
      unitId: unitNames.get(row.unitId) ?? row.unitId,
      scope: SCOPE[row.scope],
      level: LEVEL[row.level],
      status: STATUS[row.status],
      openedAt: row.openedAt,
      rectifyBy: row.rectifyBy,
      note: row.note,
      response: row.response ?? '',
      verdict: row.verdict ? (VERDICT[row.verdict] ?? row.verdict) : '',
    })),
  };
}
