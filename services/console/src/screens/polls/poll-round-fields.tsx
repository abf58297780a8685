import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RuleObject } from 'antd/es/form';
import { useT } from '../../i18n';
import {
  POLL_ROUND_LIMITS as LIMITS,
  POLL_SCALE_NAMES,
  quotaKey,
  type PollQuestionRow,
  type PollQuotaRow,
} from './poll-round-definition';
import { POLL_FRAMES } from './polls-api';

const listSize = (min: number, max: number, message: string) => ({
  validator: async (_: RuleObject, rows?: unknown[]) => {
    const n = rows?.length ?? 0;
    if (n < min || n > max) throw new Error(message);
  },
});

/**
 * The questions in the order they are asked: each its text, weight and answer scale; rows added,
 * removed and moved up or down. Every rule names the question by its number.
 */
export function PollQuestionsField() {
  const t = useT();
  return (
    <Form.List
      name="questions"
      rules={[listSize(1, LIMITS.questions, t('polls.define.questionsRule', { max: LIMITS.questions }))]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Card
          size="small"
          title={t('polls.define.questions')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              disabled={fields.length >= LIMITS.questions}
              onClick={() => add({ weight: 1, scale: 'four' } satisfies PollQuestionRow)}
            >
              {t('polls.define.addQuestion')}
            </Button>
          }
        >
          <p style={{ marginTop: 0 }}>{t('polls.define.questionsHelp')}</p>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} wrap align="baseline">
                <Form.Item
                  name={[field.name, 'text']}
                  label={t('polls.define.question', { n })}
                  style={{ flex: '1 1 220px' }}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      max: LIMITS.questionText,
                      message: t('polls.define.questionTextRule', { n, max: LIMITS.questionText }),
                    },
                  ]}
                >
                  <Input aria-label={t('polls.define.questionText', { n })} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  label={t('polls.define.weightLabel')}
                  required
                  style={{ width: 130 }}
                  rules={[
                    {
                      validator: async (_, weight?: number | null) => {
                        if (typeof weight !== 'number' || !(weight > 0) || weight > LIMITS.weight)
                          throw new Error(t('polls.define.weightRule', { n, max: LIMITS.weight }));
                      },
                    },
                  ]}
                >
                  <InputNumber
                    step={1}
                    style={{ width: '100%' }}
                    aria-label={t('polls.define.weight', { n })}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'scale']}
                  label={t('polls.define.scaleLabel')}
                  style={{ width: 300 }}
                  rules={[{ required: true, message: t('polls.define.scaleRule', { n }) }]}
                >
                  <Select
                    aria-label={t('polls.define.scale', { n })}
                    options={POLL_SCALE_NAMES.map((scale) => ({
                      value: scale,
                      label: t(`polls.define.scale.${scale}`),
                    }))}
                  />
                </Form.Item>
                <Button
                  icon={<ArrowUpOutlined aria-hidden />}
                  aria-label={t('polls.define.moveUp', { n })}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                />
                <Button
                  icon={<ArrowDownOutlined aria-hidden />}
                  aria-label={t('polls.define.moveDown', { n })}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                />
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('polls.define.removeQuestion', { n })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}

/** Quotas: per district and frame the interviews wanted; a pair set twice is named by both rows. */
export function PollQuotasField({ districts }: { districts: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <Form.List
      name="quotas"
      rules={[listSize(1, LIMITS.quotas, t('polls.define.quotasRule', { max: LIMITS.quotas }))]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card
          size="small"
          title={t('polls.define.quotas')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              disabled={fields.length >= LIMITS.quotas}
              onClick={() => add({ frame: 'hotline' } satisfies PollQuotaRow)}
            >
              {t('polls.define.addQuota')}
            </Button>
          }
        >
          <p style={{ marginTop: 0 }}>{t('polls.define.quotasHelp')}</p>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} wrap align="baseline">
                <Form.Item
                  name={[field.name, 'district']}
                  label={t('polls.define.quotaLabel', { n })}
                  style={{ width: 240 }}
                  dependencies={[['quotas', field.name, 'frame']]}
                  rules={[
                    { required: true, message: t('polls.define.quotaDistrictRule', { n }) },
                    ({ getFieldValue }) => ({
                      validator: async () => {
                        const rows = (getFieldValue('quotas') ?? []) as (PollQuotaRow | undefined)[];
                        const key = quotaKey(rows[index] ?? {});
                        const first = rows.findIndex((row) => quotaKey(row ?? {}) === key);
                        if (first >= 0 && first < index)
                          throw new Error(t('polls.define.quotaTwice', { n, first: first + 1 }));
                      },
                    }),
                  ]}
                >
                  <Select
                    aria-label={t('polls.define.quotaDistrict', { n })}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={districts}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'frame']}
                  label={t('polls.define.quotaFrameLabel')}
                  style={{ width: 170 }}
                  rules={[{ required: true, message: t('polls.define.quotaFrameRule', { n }) }]}
                >
                  <Select
                    aria-label={t('polls.define.quotaFrame', { n })}
                    options={POLL_FRAMES.map((value) => ({ value, label: t(`polls.frame.${value}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'count']}
                  label={t('polls.define.quotaCountLabel')}
                  required
                  style={{ width: 180 }}
                  rules={[
                    {
                      validator: async (_, count?: number | null) => {
                        if (!Number.isInteger(count) || (count ?? 0) < 1 || (count ?? 0) > LIMITS.quotaCount)
                          throw new Error(t('polls.define.quotaCountRule', { n, max: LIMITS.quotaCount }));
                      },
                    },
                  ]}
                >
                  <InputNumber
                    step={1}
                    style={{ width: '100%' }}
                    aria-label={t('polls.define.quotaCount', { n })}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('polls.define.removeQuota', { n })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}
