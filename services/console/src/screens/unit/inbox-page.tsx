import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Space, Table, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { InboxItem, InboxList, UnitInboxView } from '@hotline/contracts';
import { CaseColourTag, EmptyState, ErrorAlert, PageHeader, ToneTag } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { useTicker } from '../../components/use-ticker';
import { useInstant, useT } from '../../i18n';
import { useLive } from '../../live/use-live';
import { getInbox, INBOX_LISTS } from './unit-api';
import { DeadlineBoardCard } from '../escalation/deadline-board-card';

const isInboxList = (value: string | null): value is InboxList =>
  value !== null && (INBOX_LISTS as readonly string[]).includes(value);

/** The unit's inbox: one tab per list with its count, due dates with the deadline light. */
export function InboxPage({ unitId }: { unitId: string }) {
  const t = useT();
  // Signing is due within hours: rendered again every 30 s, so the late tag appears without a reload.
  useTicker(30_000);
  const now = Date.now();
  const instant = useInstant();
  const [params, setParams] = useSearchParams();
  const listParam = params.get('list');
  const list: InboxList = isInboxList(listParam) ? listParam : 'to-sign';
  const [page, setPage] = useState(1);
  const [inbox, setInbox] = useState<UnitInboxView>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (minPosition?: number) => {
      setLoading(true);
      try {
        setInbox(await getInbox(unitId, list, page, minPosition));
        setError(undefined);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [unitId, list, page],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useLive((event) => {
    if (event.unitIds.includes(unitId)) {
      void load(typeof event.position === 'number' ? event.position : Number(event.position));
    }
  });

  const columns = [
    {
      title: t('unit.inbox.caseNumber'),
      dataIndex: 'caseNumber',
      render: (caseNumber: string) => <CaseNumberLink area="unit" caseNumber={caseNumber} />,
    },
    {
      title: t('unit.inbox.subject'),
      dataIndex: 'title',
      render: (title: string, item: InboxItem) => (
        <>
          {item.urgency === 'urgent' && <ToneTag tone="red">{t('unit.urgent')}</ToneTag>}
          <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 360 }}>
            {title}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('unit.inbox.type'),
      dataIndex: 'type',
      responsive: ['md' as const],
      // Two characters (投诉) must never wrap one per line.
      className: 'nowrap',
      render: (type: string) => t(`caseType.${type}`),
    },
    {
      title: t('unit.inbox.role'),
      dataIndex: 'role',
      responsive: ['md' as const],
      className: 'nowrap',
      render: (role: string) => t(`unit.role.${role}`),
    },
    {
      title: t('unit.inbox.due'),
      key: 'due',
      render: (_: unknown, item: InboxItem) => {
        const due = item.dueAt;
        // A case to sign has two clocks: signing (hours) and the case's own deadline (days).
        const signBy = item.state === 'to-sign' ? item.signBy : undefined;
        return (
          <>
            {item.colour !== undefined ? (
              <CaseColourTag colour={item.colour} {...(due !== undefined ? { dueAt: due } : {})} />
            ) : (
              due !== undefined && instant(due)
            )}
            {signBy !== undefined &&
              (Date.parse(signBy) < now ? (
                <ToneTag tone="red">{t('unit.signLate', { at: instant(signBy) })}</ToneTag>
              ) : (
                <ToneTag tone="blue">{t('unit.signBy', { at: instant(signBy) })}</ToneTag>
              ))}
            {item.cameBack && <ToneTag tone="orange">{t('unit.cameBack')}</ToneTag>}
            {item.extensionPending && <ToneTag tone="blue">{t('unit.extensionPending')}</ToneTag>}
          </>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('unit.title')}
        extra={
          <Space>
            <Link to="/unit/reminders">{t('escalation.nav.reminders')}</Link>
            <Link to="/unit/report">{t('reports.unitLink')}</Link>
            <Link to="/unit/knowledge">{t('knowledge.nav')}</Link>
            <Link to="/unit/polls">{t('polls.unit.link')}</Link>
            <Link to="/unit/recordings">{t('recordings.nav')}</Link>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void load()}
              aria-label={t('common.refresh')}
            >
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={list}
        onChange={(key) => {
          setPage(1);
          setParams({ list: key });
        }}
        items={INBOX_LISTS.map((key) => ({
          key,
          label: (
            <span>
              {t(`unit.list.${key}`)}{' '}
              <Badge
                count={inbox?.counts[key] ?? 0}
                showZero
                overflowCount={999}
                color={key === 'overdue' ? '#cf1322' : key === 'due-soon' ? '#ad6800' : '#595959'}
              />
            </span>
          ),
        }))}
      />
      {error !== undefined && <ErrorAlert error={error} />}
      <Table<InboxItem>
        rowKey="caseId"
        loading={loading}
        columns={columns}
        dataSource={inbox?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('unit.inbox.empty')} /> }}
        pagination={{
          current: page,
          pageSize: inbox?.pageSize ?? 20,
          total: inbox?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        scroll={{ x: true }}
      />
      <DeadlineBoardCard area="unit" />
    </>
  );
}
