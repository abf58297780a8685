import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CaseSummaryView } from '@hotline/contracts';
import { useInstant, useT } from '../i18n';
import { CaseColourTag } from './case-colour-tag';
import { CaseNumberLink, type CaseArea } from './case-link';
import { CaseStatusTag } from './case-status-tag';
import { useUnitName } from './use-unit-name';

export type CaseColumn = 'number' | 'title' | 'status' | 'colour' | 'leadUnit' | 'registeredAt' | 'updatedAt';

/**
 * The columns a list of cases shows, the same way everywhere: the case number as a link into
 * `area`, the title cut with an ellipsis, status and deadline light in words, unit names, city time.
 */
export function useCaseColumns(area: CaseArea, columns: readonly CaseColumn[]): ColumnsType<CaseSummaryView> {
  const t = useT();
  const instant = useInstant();
  const unitName = useUnitName();
  const all: Record<CaseColumn, ColumnsType<CaseSummaryView>[number]> = {
    number: {
      key: 'number',
      title: t('case.number'),
      dataIndex: 'caseNumber',
      render: (number: string) => <CaseNumberLink area={area} caseNumber={number} />,
    },
    title: {
      key: 'title',
      title: t('case.title'),
      dataIndex: 'title',
      render: (title: string) => (
        <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 320 }}>
          {title}
        </Typography.Text>
      ),
    },
    status: {
      key: 'status',
      title: t('case.status'),
      dataIndex: 'status',
      render: (status: string) => <CaseStatusTag status={status} />,
    },
    colour: {
      key: 'colour',
      title: t('case.colour'),
      render: (_: unknown, row) => (row.colour ? <CaseColourTag colour={row.colour} /> : '—'),
    },
    leadUnit: {
      key: 'leadUnit',
      title: t('case.leadUnit'),
      dataIndex: 'leadUnitId',
      render: (id?: string) => unitName(id),
    },
    registeredAt: {
      key: 'registeredAt',
      title: t('case.registeredAt'),
      dataIndex: 'registeredAt',
      render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
    },
    updatedAt: {
      key: 'updatedAt',
      title: t('case.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
    },
  };
  return columns.map((column) => all[column]);
}
