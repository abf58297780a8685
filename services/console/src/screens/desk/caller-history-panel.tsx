import { Alert, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseDetailView } from '@hotline/contracts';
import { apiGet } from '../../api/http';
import { CaseColourTag, CaseStatusTag, EmptyState, ErrorAlert } from '../../components';
import { caseHref } from '../../components/case-link';
import { useRequest } from '../../components/use-request';
import { SimpleList } from '../../components/simple-list';
import { CardTitle } from '../../components/text-parts';
import { useInstant, useT } from '../../i18n';
import type { CallerHistory } from './desk-api';
import { Loading } from '../../components/loading';

interface Props {
  phone: string | undefined;
  history: CallerHistory | undefined;
  loading: boolean;
  error: unknown;
}

/** How many of the caller's cases the screen pop reads the state of. */
const CASES_SHOWN = 5;

/** Each case's state now, so the agent can answer "where is my case?" without leaving the call. */
async function casesOf(caseIds: readonly string[]): Promise<Map<string, CaseDetailView>> {
  const views = await Promise.all(
    caseIds
      .slice(0, CASES_SHOWN)
      .map((id) => apiGet<CaseDetailView>(`/api/cases/${encodeURIComponent(id)}`).catch(() => undefined)),
  );
  return new Map(views.filter((v): v is CaseDetailView => v !== undefined).map((v) => [v.caseId, v]));
}

/** The screen pop: the caller's earlier contacts and their cases, newest first. */
export function CallerHistoryPanel({ phone, history, loading, error }: Props) {
  const t = useT();
  const instant = useInstant();
  const caseIds = history?.caseIds ?? [];
  const cases = useRequest(() => casesOf(caseIds), caseIds.length === 0 ? null : caseIds.join(','));
  return (
    <Card
      size="small"
      title={<CardTitle>{t('desk.history.title')}</CardTitle>}
      extra={phone !== undefined ? <Typography.Text code>{phone}</Typography.Text> : undefined}
    >
      {phone === undefined ? (
        <Typography.Text type="secondary">{t('desk.history.hint')}</Typography.Text>
      ) : loading ? (
        <Loading />
      ) : error !== undefined ? (
        <ErrorAlert error={error} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {history?.blocked?.blocked === true && (
            <Alert
              type="warning"
              showIcon
              title={t('desk.history.blocked', { reason: history.blocked.reason ?? '' })}
            />
          )}
          {history !== undefined && history.contacts.length > 0 && (
            <Typography.Text>
              {t('desk.history.summary', {
                contacts: history.contacts.length,
                cases: history.caseIds.length,
              })}
            </Typography.Text>
          )}
          {history === undefined || history.contacts.length === 0 ? (
            <EmptyState description={t('desk.history.none')} />
          ) : (
            <SimpleList
              label={t('desk.history.title')}
              items={history.contacts}
              rowKey={(contact) => contact.contactId}
              render={(contact) => (
                <>
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space wrap size="small">
                      <time dateTime={contact.receivedAt}>{instant(contact.receivedAt)}</time>
                      <Tag>{t(`channel.${contact.channel}`)}</Tag>
                      {contact.outcome !== undefined ? (
                        <Tag color="blue">{t(`desk.outcome.${contact.outcome}`)}</Tag>
                      ) : (
                        <Tag>{t('desk.outcome.open')}</Tag>
                      )}
                      {contact.caseNumber !== undefined && (
                        <Typography.Text strong>
                          {t('desk.history.caseLabel')}
                          <Link to={caseHref('desk', contact.caseNumber)} target="_blank" rel="noreferrer">
                            {contact.caseNumber}
                          </Link>
                        </Typography.Text>
                      )}
                      {contact.caseId !== undefined && cases.data?.get(contact.caseId) !== undefined && (
                        <>
                          <CaseStatusTag status={cases.data.get(contact.caseId)?.status ?? ''} />
                          <CaseColourTag colour={cases.data.get(contact.caseId)?.colour} />
                        </>
                      )}
                    </Space>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {contact.content}
                    </Typography.Paragraph>
                  </Space>
                </>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
