import type { SupervisionLedgerRow } from '@hotline/contracts';
import { formatBeijingDateTime, type PdfDocumentSpec } from '@hotline/infra/documents';
import { CITY_FOOTER } from '../reports/report-documents';
import { LEVEL, SCOPE } from './supervision-ledger-table';

/** Who issues the notice at each level (the seal goes over this line on paper). */
const ISSUER: Record<SupervisionLedgerRow['level'], string> = {
  center: '12345政务服务便民热线服务中心',
  'city-government': '市人民政府办公厅',
};

/**
 * 督办通知单: the printed notice of one supervision, as the supervised unit files it. Units by name,
 * Beijing times; the unit's written response and the verdict appear once they exist.
 */
export function supervisionNoticePdf(row: SupervisionLedgerRow, unitName: string): PdfDocumentSpec {
  const number = row.caseNumber ?? '';
  return {
    title: `督办通知单 ${number}`,
    footer: CITY_FOOTER,
    blocks: [
      { kind: 'title', text: '12345热线督办通知单' },
      {
        kind: 'fields',
        fields: [
          { label: '受理号', value: number },
          { label: '督办层级', value: LEVEL[row.level] },
          { label: '承办单位', value: unitName },
          { label: '督办类型', value: SCOPE[row.scope] },
          { label: '督办时间', value: formatBeijingDateTime(row.openedAt) },
          { label: '整改期限', value: formatBeijingDateTime(row.rectifyBy) },
          { label: '督办意见', value: row.note, wide: true },
          ...(row.response ? [{ label: '单位反馈', value: row.response, wide: true }] : []),
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        text: `请${unitName}高度重视，于整改期限前办理完毕，并将整改情况书面反馈12345热线。逾期未反馈的，将按规定通报。`,
      },
      {
        kind: 'signature',
        lines: [ISSUER[row.level], formatBeijingDateTime(row.openedAt).slice(0, 10)],
      },
    ],
  };
}
