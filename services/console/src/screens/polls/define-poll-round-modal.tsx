import { useMemo, useRef, useState } from 'react';
import { Alert, App, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { ApiError, newCommandId } from '../../api/http';
import { errorText } from '../../components/error-text';
import { useRequest } from '../../components/use-request';
import { useLocale, useT, type Translate } from '../../i18n';
import { listUnits } from '../center/center-api';
import {
  POLL_PERIOD_SPANS,
  POLL_ROUND_LIMITS as LIMITS,
  definePollRoundBody,
  formFieldOf,
  type PollPeriodSpan,
  type PollRoundFormValues,
} from './poll-round-definition';
import { PollQuestionsField, PollQuotasField } from './poll-round-fields';
import { definePollRound, definedRoundId } from './polls-api';

const periodText = (t: Translate, year: number, span: PollPeriodSpan) =>
  span === 'year'
    ? t('polls.define.periodOf.year', { year })
    : t('polls.define.periodOf.part', { year, span: t(`polls.define.span.${span}`) });

/** A seed as a public draw gives one: eight random digits (the center may type its own). */
const drawnSeed = () =>
  String(crypto.getRandomValues(new Uint32Array(1))[0] ?? 0)
    .padStart(8, '0')
    .slice(-8);

/**
 * 新建评议轮次: the period, name, units evaluated, questions with their scales, quotas, audited
 * share and seed, each checked against the contract's limits with a message naming the field. The
 * same round sent again (a double click, a retry after a lost answer) carries the same command id,
 * so it is defined once; a refusal of the service is shown on the field it names, in words.
 */
export function DefinePollRoundModal({
  onDefined,
  onCancel,
}: {
  onDefined: (roundId: string, position: number | undefined) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PollRoundFormValues>();
  const units = useRequest(() => listUnits(false), 'units:active');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const sending = useRef(false);
  const sent = useRef<{ body: string; commandId: string } | undefined>(undefined);
  const titleEdited = useRef(false);
  const [initialValues] = useState<PollRoundFormValues>(() => {
    const year = new Date().getFullYear();
    return {
      year,
      span: 'year',
      title: t('polls.define.nameDefault', { period: periodText(t, year, 'year') }),
      unitIds: [],
      questions: [{ weight: 1, scale: 'four' }],
      quotas: [{ frame: 'hotline' }],
      auditPercent: 10,
      seed: drawnSeed(),
    };
  });
  const years = useMemo(
    () =>
      [-1, 0, 1, 2].map((d) => {
        const year = initialValues.year + d;
        return { value: year, label: t('polls.define.yearValue', { year }) };
      }),
    [initialValues.year, t],
  );
  const unitOptions = useMemo(
    () => (units.data ?? []).map((unit) => ({ value: unit.unitId, label: unit.name })),
    [units.data],
  );
  const districts = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => unit.level === 'district')
        .map((unit) => ({ value: unit.unitId, label: unit.name })),
    [units.data],
  );

  const refused = (failure: unknown, values: PollRoundFormValues) => {
    const words = errorText(failure, t, locale);
    if (failure instanceof ApiError && failure.code === 'POLL_ROUND_EXISTS') {
      const period = periodText(t, values.year, values.span);
      form.setFields([{ name: 'span', errors: [t('polls.define.periodTaken', { period })] }]);
      return;
    }
    // A refusal naming a field shows on it; any other under the form.
    const field = formFieldOf(failure instanceof ApiError ? failure.field : undefined);
    if (field !== undefined) form.setFields([{ name: field, errors: [words] }]);
    else setRefusal(words);
  };

  const submit = async (values: PollRoundFormValues) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setRefusal(undefined);
    const unitName = (unitId: string) => unitOptions.find((o) => o.value === unitId)?.label ?? unitId;
    const body = definePollRoundBody(values, unitName, (key) => t(`polls.define.answer.${key}`));
    const json = JSON.stringify(body);
    const commandId = sent.current?.body === json ? sent.current.commandId : newCommandId();
    sent.current = { body: json, commandId };
    try {
      const reply = await definePollRound(commandId, body);
      void message.success(t('polls.define.done', { title: body.title }));
      onDefined(definedRoundId(reply) ?? body.roundId, reply.position);
    } catch (failure) {
      refused(failure, values);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={920}
      title={t('polls.define.title')}
      okText={t('polls.define.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
    >
      <Form<PollRoundFormValues>
        form={form}
        name="pollRound"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<PollRoundFormValues>, all) => {
          if ('title' in changed) titleEdited.current = true;
          if (('year' in changed || 'span' in changed) && !titleEdited.current)
            form.setFieldValue(
              'title',
              t('polls.define.nameDefault', { period: periodText(t, all.year, all.span) }),
            );
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="year"
            label={t('polls.define.year')}
            rules={[{ required: true, message: t('polls.define.yearRule') }]}
          >
            <Select style={{ width: 140 }} options={years} />
          </Form.Item>
          <Form.Item
            name="span"
            label={t('polls.define.span')}
            rules={[{ required: true, message: t('polls.define.spanRule') }]}
          >
            <Select
              style={{ width: 160 }}
              options={POLL_PERIOD_SPANS.map((span) => ({
                value: span,
                label: t(`polls.define.span.${span}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('polls.define.name')}
            style={{ flex: '1 1 260px' }}
            rules={[
              {
                required: true,
                whitespace: true,
                max: LIMITS.title,
                message: t('polls.define.nameRule', { max: LIMITS.title }),
              },
            ]}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item
          name="unitIds"
          label={t('polls.define.units')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              max: LIMITS.units,
              message: t('polls.define.unitsRule', { max: LIMITS.units }),
            },
          ]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            placeholder={t('polls.define.unitsPlaceholder')}
            options={unitOptions}
          />
        </Form.Item>
        <PollQuestionsField />
        <PollQuotasField districts={districts} />
        <Flex gap={12} wrap>
          <Form.Item
            name="auditPercent"
            label={t('polls.define.auditShare')}
            required
            extra={t('polls.define.auditShareHelp')}
            rules={[
              {
                validator: async (_, percent?: number | null) => {
                  if (typeof percent !== 'number' || percent < 0 || percent > 100)
                    throw new Error(t('polls.define.auditShareRule'));
                },
              },
            ]}
          >
            <InputNumber step={5} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="seed"
            label={t('polls.define.seed')}
            extra={t('polls.define.seedHelp')}
            style={{ flex: '1 1 300px' }}
            rules={[
              {
                required: true,
                whitespace: true,
                max: LIMITS.seed,
                message: t('polls.define.seedRule', { max: LIMITS.seed }),
              },
            ]}
          >
            <Input />
          </Form.Item>
        </Flex>
        {refusal !== undefined && <Alert type="error" showIcon role="alert" title={refusal} />}
      </Form>
    </Modal>
  );
}
