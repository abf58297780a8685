import { useState } from 'react';
import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../components';
import { CardTitle } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import type { CaseType } from '../desk/desk-api';
import { type DeadlinesView, getDeadlines, settingsApi } from './settings-api';
import { isValidLimit } from './settings-rules';
import { useSettingsCommand } from './use-settings-command';

type Limit = DeadlinesView['limits'][number];

/** The handling limit per case type; a city administrator sets the city's own in half-day steps. */
export function DeadlinesCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const command = useSettingsCommand();
  const view = useRequest(() => getDeadlines(command.position), `deadlines:${command.position ?? 0}`);
  const [drafts, setDrafts] = useState<Partial<Record<CaseType, number | null>>>({});

  const save = (limit: Limit) => {
    const value = drafts[limit.caseType];
    if (!isValidLimit(value)) return;
    const type = t(`type.${limit.caseType}`);
    void command
      .run((id) => settingsApi.setDeadline(limit.caseType, value, id))
      .then((position) => {
        if (position === undefined) return;
        setDrafts(({ [limit.caseType]: _saved, ...rest }) => rest);
        void message.success(t('admin.deadlines.saved', { type }));
      });
  };

  return (
    <Card size="small" title={<CardTitle>{t('admin.deadlines.title')}</CardTitle>}>
      <ErrorAlert error={view.error ?? command.error} />
      <Table<Limit>
        size="small"
        rowKey="caseType"
        loading={view.loading}
        pagination={false}
        dataSource={view.data?.limits ?? []}
        columns={[
          {
            title: t('admin.deadlines.caseType'),
            dataIndex: 'caseType',
            render: (type: CaseType) => t(`type.${type}`),
          },
          {
            title: t('admin.deadlines.workingDays'),
            dataIndex: 'workingDays',
            render: (value: number) => t('admin.deadlines.value', { value }),
          },
          {
            title: t('admin.deadlines.source'),
            dataIndex: 'source',
            render: (source: Limit['source']) => <Tag>{t(`admin.deadlines.source.${source}`)}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  title: t('case.actions'),
                  render: (_: unknown, limit: Limit) => {
                    const type = t(`type.${limit.caseType}`);
                    const draft = drafts[limit.caseType];
                    return (
                      <Space.Compact>
                        <InputNumber
                          aria-label={t('admin.deadlines.newValue', { type })}
                          min={0.5}
                          max={60}
                          step={0.5}
                          value={draft ?? limit.workingDays}
                          status={draft !== undefined && !isValidLimit(draft) ? 'error' : undefined}
                          onChange={(value) => setDrafts((all) => ({ ...all, [limit.caseType]: value }))}
                          style={{ width: 96 }}
                        />
                        <Button
                          aria-label={t('admin.deadlines.saveFor', { type })}
                          disabled={!isValidLimit(draft) || draft === limit.workingDays}
                          loading={command.busy}
                          onClick={() => save(limit)}
                        >
                          {t('admin.deadlines.save')}
                        </Button>
                      </Space.Compact>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {canEdit && <Typography.Paragraph type="secondary">{t('admin.deadlines.rule')}</Typography.Paragraph>}
      {view.data && (
        <Typography.Paragraph>
          {t('admin.deadlines.yellow', { value: view.data.yellowWithinWorkingDays })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
