import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useT } from '../../i18n';
import { STRATEGIES, type QueueConfig } from './routing-api';

interface Values {
  queueId: string;
  name: string;
  strategy: QueueConfig['strategy'];
  offerTimeoutSeconds: number;
  afterContactWorkSeconds: number;
  serviceLevelSeconds: number;
  maxWaitSeconds?: number | null;
  overflowQueueId?: string | null;
  yueLevel?: number | null;
}

interface Props {
  queue: QueueConfig | undefined;
  template: QueueConfig;
  queues: QueueConfig[];
  onCancel: () => void;
  onSave: (queue: QueueConfig) => void;
}

/** A queue (skill group): name, strategy, offer and after-call times, service level, overflow. */
export function RoutingQueueModal({ queue, template, queues, onCancel, onSave }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const base = queue ?? template;
  const overflow = base.overflow?.kind === 'queue' ? base.overflow.queueId : undefined;
  const submit = (v: Values) => {
    const { overflow: _old, maxWaitSeconds: _wait, ...rest } = base;
    onSave({
      ...rest,
      queueId: v.queueId.trim(),
      name: v.name.trim(),
      strategy: v.strategy,
      offerTimeoutSeconds: v.offerTimeoutSeconds,
      afterContactWorkSeconds: v.afterContactWorkSeconds,
      serviceLevelSeconds: v.serviceLevelSeconds,
      ...(v.maxWaitSeconds ? { maxWaitSeconds: v.maxWaitSeconds } : {}),
      ...(v.overflowQueueId ? { overflow: { kind: 'queue', queueId: v.overflowQueueId } } : {}),
    });
  };
  return (
    <Modal
      open
      title={queue ? t('admin.routing.editQueue', { name: queue.name }) : t('admin.routing.newQueue')}
      okText={t('admin.routing.save')}
      cancelText={t('admin.routing.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          queueId: base.queueId,
          name: base.name,
          strategy: base.strategy,
          offerTimeoutSeconds: base.offerTimeoutSeconds,
          afterContactWorkSeconds: base.afterContactWorkSeconds,
          serviceLevelSeconds: base.serviceLevelSeconds,
          maxWaitSeconds: base.maxWaitSeconds ?? null,
          overflowQueueId: overflow ?? null,
        }}
      >
        <Form.Item
          name="queueId"
          label={t('admin.routing.queueId')}
          extra={t('admin.routing.queueIdHelp')}
          rules={[
            { required: true, pattern: /^[a-z][a-z0-9-]{0,39}$/, message: t('admin.routing.queueIdHelp') },
          ]}
        >
          <Input disabled={queue !== undefined} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.routing.name')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="strategy" label={t('admin.routing.strategy')}>
          <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`admin.routing.strategy.${s}`) }))} />
        </Form.Item>
        <Form.Item name="offerTimeoutSeconds" label={t('admin.routing.offerTimeout')}>
          <InputNumber min={1} max={600} addonAfter={t('admin.routing.seconds')} />
        </Form.Item>
        <Form.Item name="afterContactWorkSeconds" label={t('admin.routing.acw')}>
          <InputNumber min={0} max={3600} addonAfter={t('admin.routing.seconds')} />
        </Form.Item>
        <Form.Item name="serviceLevelSeconds" label={t('admin.routing.serviceLevel')}>
          <InputNumber min={1} max={600} addonAfter={t('admin.routing.seconds')} />
        </Form.Item>
        <Form.Item name="maxWaitSeconds" label={t('admin.routing.maxWait')}>
          <InputNumber min={1} max={86400} addonAfter={t('admin.routing.seconds')} />
        </Form.Item>
        <Form.Item name="overflowQueueId" label={t('admin.routing.overflow')}>
          <Select
            allowClear
            options={queues
              .filter((q) => q.queueId !== base.queueId)
              .map((q) => ({ value: q.queueId, label: q.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
