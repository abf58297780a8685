import { useEffect, useState } from 'react';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useT } from '../../i18n';
import { agentIdOf, dutyPhones, type ContactParty, type DutyPhone, type TransferTarget } from './agent-api';

export type PartyAction = 'transfer' | 'consult' | 'conference';

interface Values {
  kind: 'queue' | 'agent' | 'number';
  queueId?: string;
  account?: string;
  number?: string;
  label?: string;
  unitId?: string;
  caseNumber?: string;
  summary?: string;
}

interface Props {
  action: PartyAction;
  queues: { queueId: string; name: string }[];
  onCancel: () => void;
  onTransfer: (target: TransferTarget) => void;
  onParty: (party: ContactParty) => void;
}

/** Whom to transfer to, consult, or add to a three-way call: a queue (transfer only), an agent or a number. */
export function PartyModal({ action, queues, onCancel, onTransfer, onParty }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Values['kind']>(action === 'transfer' ? 'queue' : 'number');
  // The units' duty phones (the unit catalogue): picking one fills the number and the name.
  const [units, setUnits] = useState<DutyPhone[]>([]);
  useEffect(() => {
    dutyPhones().then(setUnits, () => setUnits([]));
  }, []);
  const pickUnit = (unitId: string | undefined) => {
    const unit = units.find((u) => u.unitId === unitId);
    if (unit) form.setFieldsValue({ number: unit.phone, label: unit.name });
  };
  const submit = (values: Values) => {
    const number = values.number?.replace(/[\s-]/g, '') ?? '';
    if (values.kind === 'queue') return onTransfer({ kind: 'queue', queueId: values.queueId ?? '' });
    if (values.kind === 'agent') {
      const agent = { kind: 'agent', agentId: agentIdOf(values.account ?? '') } as const;
      return action === 'transfer' ? onTransfer(agent) : onParty(agent);
    }
    const label = values.label?.trim() || units.find((u) => u.unitId === values.unitId)?.name;
    const caseNumber = values.caseNumber?.trim();
    const summary = values.summary?.trim();
    const extra = {
      ...(label ? { label } : {}),
      ...(values.unitId ? { unitId: values.unitId } : {}),
      ...(caseNumber ? { case: { caseNumber, ...(summary ? { summary } : {}) } } : {}),
    };
    if (action === 'transfer') return onTransfer({ kind: 'number', number, ...extra });
    return onParty({ kind: 'number', number, ...extra });
  };
  return (
    <Modal
      open
      title={t(`agent.target.title.${action}`)}
      okText={t('agent.target.ok')}
      cancelText={t('agent.target.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind }} onFinish={submit}>
        <Form.Item name="kind" label={t('agent.target.kind')}>
          <Radio.Group onChange={(e) => setKind(e.target.value as Values['kind'])}>
            {action === 'transfer' && <Radio value="queue">{t('agent.target.queue')}</Radio>}
            <Radio value="agent">{t('agent.target.agent')}</Radio>
            <Radio value="number">{t('agent.target.number')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'queue' && (
          <Form.Item name="queueId" label={t('agent.target.queue')} rules={[{ required: true }]}>
            <Select options={queues.map((q) => ({ value: q.queueId, label: q.name }))} />
          </Form.Item>
        )}
        {kind === 'agent' && (
          <Form.Item name="account" label={t('agent.target.agentAccount')} rules={[{ required: true }]}>
            <Input placeholder={t('agent.target.agentPlaceholder')} />
          </Form.Item>
        )}
        {kind === 'number' && units.length > 0 && (
          <Form.Item name="unitId" label={t('agent.target.unit')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={units.map((u) => ({ value: u.unitId, label: `${u.name} ${u.phone}` }))}
              onChange={(value?: string) => pickUnit(value)}
            />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item
            name="number"
            label={t('agent.target.numberLabel')}
            rules={[{ required: true, pattern: /^\+?[0-9][0-9\s-]{2,24}$/ }]}
          >
            <Input inputMode="tel" placeholder={t('agent.target.numberPlaceholder')} />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item name="label" label={t('agent.target.label')}>
            <Input maxLength={60} placeholder={t('agent.target.labelPlaceholder')} />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item
            name="caseNumber"
            label={t('agent.target.caseNumber')}
            rules={[{ pattern: /^\d{8,16}$/, message: t('agent.target.caseNumberInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={16} placeholder={t('agent.target.caseNumberPlaceholder')} />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item name="summary" label={t('agent.target.summary')}>
            <Input maxLength={200} placeholder={t('agent.target.summaryPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
