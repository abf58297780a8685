import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Table, Tag } from 'antd';
import { CalendarOutlined, CoffeeOutlined } from '@ant-design/icons';
import { useSession } from '../../auth/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { CardTitle, FieldLabel } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { DeadlineRulesCard } from './deadline-rules-card';
import { DeadlinesCard } from './deadlines-card';
import { type CalendarDayView, getCalendar, settingsApi } from './settings-api';
import { useSettingsCommand } from './use-settings-command';

type DayValues = Omit<CalendarDayView, 'source'>;
const FIELDS = ['date', 'kind', 'name'] as const;

/**
 * The calendar deadlines count working days on: China's official holidays and 调休 make-up working
 * days for a year, with the city's own days over them; and the handling limits per case type.
 */
export function CalendarPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSession();
  const canEdit = user?.role === 'city-admin';
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const command = useSettingsCommand();
  const calendar = useRequest(
    () => getCalendar(year, command.position),
    `calendar:${year}:${command.position ?? 0}`,
  );
  const [form] = Form.useForm<DayValues>();
  const weekday = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    [locale],
  );
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 2 + i);

  const add = (values: DayValues) =>
    void command
      .run((id) => settingsApi.setCalendarDay({ ...values, name: values.name.trim() }, id), {
        instance: form,
        fields: FIELDS,
      })
      .then((position) => {
        if (position === undefined) return;
        const added = Number(values.date.slice(0, 4));
        if (added !== year) setYear(added);
        form.resetFields();
        void message.success(t('admin.calendar.saved'));
      });

  const clear = (date: string) =>
    void command
      .run((id) => settingsApi.clearCalendarDay(date, id))
      .then((position) => position !== undefined && void message.success(t('admin.calendar.cleared')));

  return (
    <>
      <PageHeader title={t('admin.calendar.title')} />
      <div style={{ maxWidth: 200, marginBottom: 12 }}>
        <FieldLabel htmlFor="calendar-year">{t('admin.calendar.year')}</FieldLabel>
        <Select
          id="calendar-year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: '100%' }}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={<CardTitle>{t('admin.calendar.days', { year })}</CardTitle>}>
            <ErrorAlert error={calendar.error ?? command.error} />
            {calendar.data?.provisional && calendar.data.year === year && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('admin.calendar.provisional', { year })}
                description={t('admin.calendar.provisionalDetail', { year })}
              />
            )}
            <Table<CalendarDayView>
              size="small"
              rowKey="date"
              loading={calendar.loading}
              pagination={false}
              dataSource={calendar.data?.days ?? []}
              locale={{ emptyText: <EmptyState description={t('admin.calendar.none')} /> }}
              columns={[
                { title: t('admin.calendar.date'), dataIndex: 'date' },
                {
                  title: t('admin.calendar.weekday'),
                  dataIndex: 'date',
                  key: 'weekday',
                  render: (date: string) => weekday.format(new Date(`${date}T00:00:00Z`)),
                },
                {
                  title: t('admin.calendar.kind'),
                  dataIndex: 'kind',
                  render: (kind: CalendarDayView['kind']) =>
                    kind === 'holiday' ? (
                      <Tag icon={<CoffeeOutlined />} color="green">
                        {t('admin.calendar.kind.holiday')}
                      </Tag>
                    ) : (
                      <Tag icon={<CalendarOutlined />} color="orange">
                        {t('admin.calendar.kind.workday')}
                      </Tag>
                    ),
                },
                { title: t('admin.calendar.name'), dataIndex: 'name' },
                {
                  title: t('admin.calendar.source'),
                  dataIndex: 'source',
                  render: (source: CalendarDayView['source']) => (
                    <Tag>{t(`admin.calendar.source.${source}`)}</Tag>
                  ),
                },
                ...(canEdit
                  ? [
                      {
                        title: t('case.actions'),
                        key: 'actions',
                        render: (_: unknown, day: CalendarDayView) =>
                          day.source === 'city' ? (
                            <Popconfirm
                              title={t('admin.calendar.clearConfirm', { date: day.date })}
                              okText={t('admin.calendar.clear')}
                              cancelText={t('common.cancel')}
                              onConfirm={() => clear(day.date)}
                            >
                              <Button
                                size="small"
                                danger
                                aria-label={t('admin.calendar.clearFor', { date: day.date })}
                              >
                                {t('admin.calendar.clear')}
                              </Button>
                            </Popconfirm>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          {canEdit && (
            <Card
              size="small"
              title={<CardTitle>{t('admin.calendar.add')}</CardTitle>}
              style={{ marginBottom: 16 }}
            >
              <Form form={form} layout="vertical" onFinish={add} initialValues={{ kind: 'holiday' }}>
                <Form.Item
                  name="date"
                  label={t('admin.calendar.date')}
                  extra={t('admin.calendar.addHint')}
                  rules={[{ required: true, message: t('admin.calendar.dateRequired') }]}
                >
                  <Input type="date" />
                </Form.Item>
                <Form.Item
                  name="kind"
                  label={t('admin.calendar.kind')}
                  rules={[{ required: true, message: t('admin.calendar.kindRequired') }]}
                >
                  <Select
                    options={(['holiday', 'workday'] as const).map((kind) => ({
                      value: kind,
                      label: t(`admin.calendar.kind.${kind}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name="name"
                  label={t('admin.calendar.name')}
                  rules={[{ required: true, whitespace: true, message: t('admin.calendar.nameRequired') }]}
                >
                  <Input maxLength={40} autoComplete="off" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={command.busy}>
                  {t('admin.calendar.save')}
                </Button>
              </Form>
            </Card>
          )}
          <DeadlinesCard canEdit={canEdit} />
          <div style={{ marginTop: 16 }}>
            <DeadlineRulesCard />
          </div>
        </Col>
      </Row>
    </>
  );
}
