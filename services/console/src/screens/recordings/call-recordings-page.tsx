import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { callLength } from './call-length';
import { RecordingPlayer } from './recording-player';
import { searchCallRecordings, type CallRecordingRow } from './recordings-api';

interface Filters {
  from?: string;
  to?: string;
  agentId?: string;
  caseNumber?: string;
  numberTail?: string;
}

/**
 * 通话录音: the recorded calls the signed-in person may hear (the gateway and the sipapp decide:
 * an agent their own, the center every call, a unit the calls of its cases), searched by day range,
 * agent, case number and the last digits of the number, each played in place.
 */
export function CallRecordingsPage({ caseLink }: { caseLink?: (caseId: string) => string }) {
  const t = useT();
  const instant = useInstant();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [caseNumber, setCaseNumber] = useState('');
  const [numberTail, setNumberTail] = useState('');
  const [agentId, setAgentId] = useState<string | undefined>();
  const [filters, setFilters] = useState<Filters>({});
  const found = useRequest(
    () => searchCallRecordings({ ...filters, limit: 100 }),
    `recordings:${JSON.stringify(filters)}`,
  );
  const names = found.data?.names ?? {};
  const search = () =>
    setFilters({
      ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
      ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
      ...(agentId ? { agentId } : {}),
      ...(caseNumber.trim() ? { caseNumber: caseNumber.trim() } : {}),
      ...(numberTail.trim() ? { numberTail: numberTail.trim() } : {}),
    });

  return (
    <>
      <PageHeader title={t('recordings.title')} subTitle={t('recordings.intro')} />
      <Card size="small">
        <Flex gap="middle" wrap align="center" style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('recordings.range')}
            onChange={(value) => setRange(value)}
          />
          {/* A visible label, not a placeholder: antd's pale placeholder text fails contrast. */}
          <Typography.Text>{t('recordings.agent')}</Typography.Text>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            aria-label={t('recordings.agent')}
            value={agentId}
            onChange={(value: string | undefined) => setAgentId(value)}
            options={Object.entries(names).map(([value, label]) => ({ value, label }))}
          />
          <Input
            style={{ width: 200 }}
            placeholder={t('recordings.caseNumber')}
            aria-label={t('recordings.caseNumber')}
            value={caseNumber}
            onChange={(event) => setCaseNumber(event.target.value)}
            onPressEnter={search}
          />
          <Input
            style={{ width: 160 }}
            maxLength={4}
            placeholder={t('recordings.numberTail')}
            aria-label={t('recordings.numberTail')}
            value={numberTail}
            onChange={(event) => setNumberTail(event.target.value)}
            onPressEnter={search}
          />
          <Button type="primary" onClick={search}>
            {t('recordings.search')}
          </Button>
        </Flex>
        <ErrorAlert error={found.error} />
        <Table<CallRecordingRow>
          rowKey="recordingId"
          size="small"
          loading={found.loading}
          dataSource={found.data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={t('recordings.none')} /> }}
          columns={[
            {
              title: t('recordings.startedAt'),
              dataIndex: 'startedAt',
              render: (at: string) => instant(at),
            },
            {
              title: t('recordings.direction'),
              dataIndex: 'direction',
              render: (direction: CallRecordingRow['direction'], row) => (
                <Tag color={direction === 'inbound' ? 'blue' : 'purple'}>
                  {t(`recordings.direction.${direction}`)}
                  {row.purpose ? ` · ${t(`recordings.purpose.${row.purpose}`)}` : ''}
                </Tag>
              ),
            },
            {
              title: t('recordings.number'),
              dataIndex: 'numberMasked',
              render: (number?: string) => number ?? t('recordings.noNumber'),
            },
            {
              title: t('recordings.agent'),
              dataIndex: 'agentId',
              render: (id?: string) =>
                id ? (names[id] ?? t('recordings.unknownAgent')) : t('recordings.noAgent'),
            },
            {
              title: t('recordings.case'),
              dataIndex: 'caseNumber',
              render: (number: string | undefined, row) =>
                number === undefined ? (
                  t('recordings.noCase')
                ) : row.caseId && caseLink ? (
                  <Link to={caseLink(row.caseId)}>{number}</Link>
                ) : (
                  number
                ),
            },
            {
              title: t('recordings.length'),
              dataIndex: 'seconds',
              align: 'right',
              render: (seconds: number) => callLength(seconds),
            },
            {
              title: t('recordings.play'),
              key: 'play',
              render: (_: unknown, row) => (
                <RecordingPlayer key={row.recordingId} recordingId={row.recordingId} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
