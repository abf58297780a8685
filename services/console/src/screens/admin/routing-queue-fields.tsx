import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from '../../i18n';
import type { OverflowTarget, QueueConfig } from './routing-api';

export type OverflowKind = 'none' | OverflowTarget['kind'];

/** The overflow part of the queue form: one kind, and the field that kind needs. */
export interface OverflowValues {
  overflowKind: OverflowKind;
  overflowQueueId?: string | null;
  overflowMailboxId?: string | null;
  overflowNumber?: string | null;
}

export const overflowValues = (target: OverflowTarget | undefined): OverflowValues => ({
  overflowKind: target?.kind ?? 'none',
  overflowQueueId: target?.kind === 'queue' ? target.queueId : null,
  overflowMailboxId: target?.kind === 'mailbox' ? target.mailboxId : null,
  overflowNumber: target?.kind === 'number' ? target.number : null,
});

export function overflowTarget(v: OverflowValues): OverflowTarget | undefined {
  switch (v.overflowKind) {
    case 'queue':
      return { kind: 'queue', queueId: v.overflowQueueId! };
    case 'callback':
      return { kind: 'callback' };
    case 'mailbox':
      return { kind: 'mailbox', mailboxId: v.overflowMailboxId!.trim() };
    case 'number':
      return { kind: 'number', number: v.overflowNumber!.trim() };
    case 'none':
      return undefined;
  }
}

const KINDS: readonly OverflowKind[] = ['none', 'queue', 'callback', 'mailbox', 'number'];

/** Where a contact goes when it waited too long, found nobody logged in, or found the queue full. */
export function OverflowFields({
  form,
  queues,
  own,
}: {
  form: FormInstance;
  queues: QueueConfig[];
  own: string;
}) {
  const t = useT();
  const kind = Form.useWatch('overflowKind', form) as OverflowKind | undefined;
  return (
    <>
      <Form.Item name="overflowKind" label={t('admin.routing.overflow')}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`admin.routing.overflowKind.${k}`) }))} />
      </Form.Item>
      {kind === 'queue' && (
        <Form.Item
          name="overflowQueueId"
          label={t('admin.routing.overflowQueue')}
          rules={[{ required: true, message: t('admin.routing.overflowQueueRequired') }]}
        >
          <Select
            options={queues
              .filter((q) => q.queueId !== own)
              .map((q) => ({ value: q.queueId, label: q.name }))}
          />
        </Form.Item>
      )}
      {kind === 'mailbox' && (
        <Form.Item
          name="overflowMailboxId"
          label={t('admin.routing.overflowMailbox')}
          rules={[
            { required: true, whitespace: true, max: 40, message: t('admin.routing.overflowMailboxRule') },
          ]}
        >
          <Input />
        </Form.Item>
      )}
      {kind === 'number' && (
        <Form.Item
          name="overflowNumber"
          label={t('admin.routing.overflowNumber')}
          rules={[{ required: true, pattern: /^\+?[0-9]{3,20}$/, message: t('admin.routing.numberRule') }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      )}
    </>
  );
}

/**
 * Tier rules: agents of a higher tier join the pool once a contact waited this long. Tiers above 1
 * only (tier 1 answers at once) and each tier once, so the form says which row is wrong and why.
 */
export function TierRulesField() {
  const t = useT();
  return (
    <Form.Item label={t('admin.routing.tierRules')} extra={t('admin.routing.tierRulesHelp')}>
      <Form.List name="tierRules">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item
                  name={[field.name, 'tier']}
                  rules={[
                    { required: true, message: t('admin.routing.tierRule') },
                    ({ getFieldValue }) => ({
                      validator: (_, tier: number | null) => {
                        const rules = getFieldValue('tierRules') as Array<{ tier?: number } | undefined>;
                        const same = rules.filter((rule) => rule?.tier === tier).length;
                        return same > 1
                          ? Promise.reject(new Error(t('admin.routing.tierTwice', { tier: String(tier) })))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <InputNumber
                    min={2}
                    max={9}
                    prefix={t('admin.routing.tier')}
                    aria-label={t('admin.routing.tier')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'afterSeconds']}
                  rules={[{ required: true, message: t('admin.routing.afterSecondsRule') }]}
                >
                  <InputNumber
                    min={0}
                    max={86400}
                    addonBefore={t('admin.routing.afterWaiting')}
                    addonAfter={t('admin.routing.seconds')}
                    aria-label={t('admin.routing.afterWaiting')}
                  />
                </Form.Item>
                <Button type="link" onClick={() => remove(field.name)}>
                  {t('admin.routing.remove')}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ tier: fields.length + 2, afterSeconds: 30 })}>
              {t('admin.routing.addTierRule')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
