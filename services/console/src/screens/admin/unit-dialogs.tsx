import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';
import { newCommandId, unitsApi, type UnitContactInput, type UnitView } from './admin-api';

export type UnitDialog =
  | { kind: 'register'; parent?: UnitView }
  | { kind: 'contacts'; unit: UnitView }
  | { kind: 'deactivate'; unit: UnitView };

const LEVELS = ['city', 'district', 'street', 'community'] as const;
const CHILD_LEVEL: Record<string, (typeof LEVELS)[number]> = {
  city: 'district',
  district: 'street',
  street: 'community',
};

interface Props {
  dialog: UnitDialog | undefined;
  onDone: (position: number) => void;
  onCancel: () => void;
}

/** Register a unit under a parent, replace a unit's contacts, or stop dispatching to it. */
export function UnitDialogs({ dialog, onDone, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);
  useEffect(() => {
    if (dialog === undefined) return;
    form.resetFields();
    if (dialog.kind === 'register') {
      form.setFieldsValue({
        parentId: dialog.parent?.unitId,
        level: dialog.parent ? (CHILD_LEVEL[dialog.parent.level] ?? 'community') : 'city',
        fallback: false,
      });
    }
    if (dialog.kind === 'contacts') {
      // The units list masks phone numbers (138****2222); a masked number must be typed again.
      form.setFieldsValue({
        contacts: dialog.unit.contacts.map((c) => ({ ...c, phone: c.phone.includes('*') ? '' : c.phone })),
      });
    }
    setError(undefined);
    setCommandId(newCommandId());
  }, [dialog, form]);

  const submit = async (values: Record<string, unknown>) => {
    if (dialog === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply =
        dialog.kind === 'register'
          ? await unitsApi.register(
              {
                unitId: String(values.unitId),
                name: String(values.name),
                level: String(values.level),
                fallback: values.fallback === true,
                ...(dialog.parent ? { parentId: dialog.parent.unitId } : {}),
              },
              commandId,
            )
          : dialog.kind === 'contacts'
            ? await unitsApi.updateContacts(
                dialog.unit.unitId,
                (values.contacts as UnitContactInput[] | undefined) ?? [],
                commandId,
              )
            : await unitsApi.deactivate(dialog.unit.unitId, String(values.reason), commandId);
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // The dialog keeps its title while it closes, so it is never an unnamed dialog.
  const lastDialog = useRef(dialog);
  if (dialog !== undefined) lastDialog.current = dialog;
  const shown = dialog ?? lastDialog.current;
  const title =
    shown === undefined
      ? t('admin.units.register')
      : shown.kind === 'register'
        ? t('admin.units.register')
        : t(`admin.units.${shown.kind}For`, { name: shown.unit.name });
  return (
    <Modal
      open={dialog !== undefined}
      title={title}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: dialog?.kind === 'deactivate' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={dialog?.kind === 'contacts' ? 760 : 520}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values as Record<string, unknown>)}
      >
        {dialog?.kind === 'register' && (
          <>
            {dialog.parent && <p>{t('admin.units.parent', { name: dialog.parent.name })}</p>}
            <Form.Item
              name="unitId"
              label={t('admin.units.unitId')}
              extra={t('admin.units.unitIdHint')}
              rules={[
                { required: true, pattern: /^[A-Za-z0-9_.:-]{1,128}$/, message: t('admin.units.unitIdRule') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('admin.units.name')}
              rules={[{ required: true, whitespace: true, message: t('admin.units.nameRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="level" label={t('admin.units.level')} rules={[{ required: true }]}>
              <Select options={LEVELS.map((value) => ({ value, label: t(`admin.level.${value}`) }))} />
            </Form.Item>
            <Form.Item name="fallback" valuePropName="checked">
              <Checkbox>{t('admin.units.fallback')}</Checkbox>
            </Form.Item>
          </>
        )}
        {dialog?.kind === 'contacts' && (
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={t('admin.contacts.role')}
                      rules={[{ required: true, message: t('admin.contacts.required') }]}
                    >
                      <Select
                        style={{ width: 110 }}
                        options={['duty', 'leader', 'liaison'].map((value) => ({
                          value,
                          label: t(`admin.contacts.${value}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('admin.contacts.name')}
                      rules={[{ required: true, message: t('admin.contacts.required') }]}
                    >
                      <Input maxLength={64} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('admin.contacts.phone')}
                      rules={[{ required: true, message: t('admin.contacts.phoneAgain') }]}
                    >
                      <Input maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'email']} label={t('admin.contacts.email')}>
                      <Input maxLength={200} type="email" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('admin.contacts.remove', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: 'duty' })}>
                  {t('admin.contacts.add')}
                </Button>
              </>
            )}
          </Form.List>
        )}
        {dialog?.kind === 'deactivate' && (
          <Form.Item
            name="reason"
            label={t('admin.units.deactivateReason')}
            rules={[{ required: true, whitespace: true, message: t('center.action.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
