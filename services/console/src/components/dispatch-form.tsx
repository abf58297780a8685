import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { UnitSuggestion, UnitView } from '@hotline/contracts';
import { ApiError, apiGet, apiPost, newCommandId } from '../api/http';
import { useT } from '../i18n';
import { ErrorAlert } from './error-alert';
import { useRequest } from './use-request';
import { Loading } from './loading';

interface Values {
  leadUnitId: string;
  coHandlers?: { unitId?: string; dueAt?: Dayjs }[];
  note?: string;
}

export interface DispatchFormProps {
  caseId: string;
  /** 转办 a registered case, or 改派 a returned or unsigned one. */
  mode: 'dispatch' | 'redispatch';
  /** Read-after-write: the position of a workflow command that last changed the case. */
  minPosition?: number;
  /** Returns so far: after repeated returns the center may send the case to the fallback unit. */
  returnCount?: number;
  onDone: (position: number) => void;
  onCancel?: () => void;
  /** Message key of the cancel button (default: cancel). */
  cancelLabel?: string;
}

const units = () => apiGet<UnitView[]>('/api/units');
const RETRIES = 5;
const RETRY_MS = 500;

/**
 * The catalogue's suggestion. A case registered a moment ago (through intake, whose positions the
 * workflow's read models do not follow) may not be readable yet: not found or read-model-behind
 * answers are retried a few times before the error is shown.
 */
async function suggestion(caseId: string, minPosition?: number): Promise<UnitSuggestion> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await apiGet<UnitSuggestion>(`/api/cases/${encodeURIComponent(caseId)}/suggested-unit`, {
        minPosition,
      });
    } catch (error) {
      const retryable = error instanceof ApiError && (error.status === 404 || error.status === 503);
      if (!retryable || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
    }
  }
}

/**
 * Dispatch with the dispatch catalogue's suggestion preselected: a lead unit, co-handlers with their
 * own reply deadlines, a note. When no catalogue entry matches, the fallback unit is offered.
 */
export function DispatchForm({
  caseId,
  mode,
  minPosition,
  returnCount = 0,
  onDone,
  onCancel,
  cancelLabel = 'common.cancel',
}: DispatchFormProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // One id per form: pressing again after a lost answer applies the dispatch once.
  const [commandId] = useState(newCommandId);
  const unitList = useRequest(units, 'units');
  const suggested = useRequest(() => suggestion(caseId, minPosition), `suggest:${caseId}`);
  const options = useMemo(
    () =>
      (unitList.data ?? [])
        .filter((unit) => unit.active)
        .map((unit) => ({ value: unit.unitId, label: `${unit.name}（${unit.unitId}）` })),
    [unitList.data],
  );
  const fallback = suggested.data?.matched === 'fallback';
  const fallbackUnit = unitList.data?.find((unit) => unit.fallback && unit.active);

  useEffect(() => {
    if (suggested.data !== undefined && !fallback && form.getFieldValue('leadUnitId') === undefined) {
      form.setFieldsValue({ leadUnitId: suggested.data.unitId });
    }
  }, [suggested.data, fallback, form]);

  const send = async (action: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await apiPost<{ position: number }>(
        `/api/cases/${encodeURIComponent(caseId)}/${action}`,
        { commandId, ...body },
      );
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const submit = (values: Values) => {
    const coHandlers = (values.coHandlers ?? [])
      .filter((row) => row.unitId !== undefined)
      .map((row) => ({
        unitId: row.unitId,
        ...(row.dueAt !== undefined && row.dueAt !== null ? { dueAt: row.dueAt.toISOString() } : {}),
      }));
    const note = values.note?.trim();
    void send(mode, {
      leadUnitId: values.leadUnitId,
      coHandlers,
      ...(note !== undefined && note !== '' ? { note } : {}),
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label={t(`dispatch.${mode}`)}>
      {suggested.loading && <Loading size="small" />}
      {suggested.data !== undefined && (
        <Alert
          type={fallback ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            fallback
              ? t('dispatch.noMatch', { unit: suggested.data.unitName })
              : t('dispatch.suggested', {
                  unit: suggested.data.unitName,
                  version: suggested.data.catalogueVersion,
                })
          }
          action={
            fallback ? (
              <Button
                size="small"
                loading={busy}
                onClick={() =>
                  void send('dispatch-to-fallback', {
                    unitId: suggested.data?.unitId,
                    reason: 'no-catalogue-match',
                  })
                }
              >
                {t('dispatch.toFallback')}
              </Button>
            ) : undefined
          }
        />
      )}
      {suggested.error !== undefined && <ErrorAlert error={suggested.error} />}
      <Form.Item
        name="leadUnitId"
        label={t('dispatch.lead')}
        rules={[{ required: true, message: t('dispatch.leadRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={unitList.loading}
          placeholder={t('dispatch.leadPlaceholder')}
        />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 8px' }}>
        {t('dispatch.coHandlers')}
      </Typography.Title>
      <Form.List name="coHandlers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'unitId']}
                  label={t('dispatch.coHandler', { n: index + 1 })}
                  rules={[{ required: true, message: t('dispatch.leadRequired') }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={options}
                    style={{ minWidth: 240 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'dueAt']} label={t('dispatch.coHandlerDue')}>
                  <DatePicker showTime />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('dispatch.removeCoHandler', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Form.Item>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add()}
                disabled={fields.length >= 10}
              >
                {t('dispatch.addCoHandler')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('dispatch.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(`dispatch.submit.${mode}`)}
        </Button>
        {mode === 'redispatch' && returnCount > 0 && fallbackUnit !== undefined && (
          <Button
            loading={busy}
            onClick={() =>
              void send('dispatch-to-fallback', { unitId: fallbackUnit.unitId, reason: 'repeated-returns' })
            }
          >
            {t('dispatch.toFallbackAfterReturns', { count: returnCount })}
          </Button>
        )}
        {onCancel !== undefined && <Button onClick={onCancel}>{t(cancelLabel)}</Button>}
      </Space>
    </Form>
  );
}
