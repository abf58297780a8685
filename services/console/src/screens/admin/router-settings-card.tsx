import { Button, Card, Form, InputNumber, Input, Select, Space } from 'antd';
import { DEFAULT_NOT_READY_REASONS } from '@hotline/contracts';
import { notReadyReasonText } from '../../components/not-ready-reason';
import { useT } from '../../i18n';
import type { RouterSettings } from './routing-api';

const NUMBER_FIELDS = [
  'maxMissedOffers',
  'declineDelaySeconds',
  'noAnswerDelaySeconds',
  'wrapUpDelaySeconds',
  'repeatCallerDays',
] as const;

interface Props {
  settings: RouterSettings;
  onSave: (settings: RouterSettings) => void;
}

/**
 * The router's own rules: missed-offer and rest times, the repeat-caller window, and the configured
 * callers with a priority of their own (e.g. a list of disabled citizens), each number once.
 */
export function RouterSettingsCard({ settings, onSave }: Props) {
  const t = useT();
  const submit = (values: Omit<RouterSettings, 'seed'>) =>
    onSave({
      ...settings,
      ...values,
      notReadyReasons: values.notReadyReasons
        ?.map((reason) => reason.trim())
        .filter((reason) => reason !== ''),
      priorityCallers: values.priorityCallers.map((c) => ({ number: c.number.trim(), priority: c.priority })),
    });
  return (
    <Card title={t('admin.routing.settingsTitle')}>
      <Form<Omit<RouterSettings, 'seed'>>
        layout="vertical"
        initialValues={{
          ...settings,
          notReadyReasons: settings.notReadyReasons ?? [...DEFAULT_NOT_READY_REASONS],
        }}
        onFinish={submit}
      >
        <Space wrap size="large">
          {NUMBER_FIELDS.map((field) => (
            <Form.Item key={field} name={field} label={t(`admin.routing.settings.${field}`)}>
              <InputNumber
                min={field === 'maxMissedOffers' ? 1 : 0}
                max={field === 'repeatCallerDays' ? 90 : 3600}
              />
            </Form.Item>
          ))}
        </Space>
        <Form.Item
          name="notReadyReasons"
          label={t('admin.routing.notReadyReasons')}
          extra={t('admin.routing.notReadyReasonsHelp')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('admin.routing.notReadyReasonsRequired') },
            {
              validator: (_, reasons: string[] | undefined) =>
                reasons?.some((reason) => reason.trim().length > 40)
                  ? Promise.reject(new Error(t('admin.routing.notReadyReasonTooLong')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Select
            mode="tags"
            options={DEFAULT_NOT_READY_REASONS.map((reason) => ({
              value: reason,
              label: notReadyReasonText(reason, t),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('admin.routing.priorityCallers')} extra={t('admin.routing.priorityCallersHelp')}>
          <Form.List name="priorityCallers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item
                      name={[field.name, 'number']}
                      rules={[
                        {
                          required: true,
                          pattern: /^\+?[0-9]{3,20}$/,
                          message: t('admin.routing.numberRule'),
                        },
                        ({ getFieldValue }) => ({
                          validator: (_, number: string | undefined) => {
                            const callers = getFieldValue('priorityCallers') as Array<
                              { number?: string } | undefined
                            >;
                            const same = callers.filter((c) => c?.number?.trim() === number?.trim()).length;
                            return number && same > 1
                              ? Promise.reject(new Error(t('admin.routing.callerTwice', { number })))
                              : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <Input
                        inputMode="tel"
                        aria-label={t('admin.routing.callerNumber')}
                        placeholder={t('admin.routing.callerNumber')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'priority']}
                      rules={[{ required: true, message: t('admin.routing.priorityRule') }]}
                    >
                      <InputNumber
                        min={0}
                        max={9}
                        prefix={t('admin.routing.priority')}
                        aria-label={t('admin.routing.priority')}
                      />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(field.name)}>
                      {t('admin.routing.remove')}
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ number: '', priority: 3 })}>
                  {t('admin.routing.addPriorityCaller')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('admin.routing.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
