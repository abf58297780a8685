import { useEffect, useMemo, useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../../components';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import {
  accountsApi,
  newCommandId,
  ROLES,
  UNIT_ROLES,
  type AccountInput,
  type AccountView,
  type UnitView,
} from './admin-api';

interface Props {
  /** `null`: a new account; an account: change its role and scope. */
  editing: AccountView | null | undefined;
  units: UnitView[];
  onDone: () => void;
  onCancel: () => void;
}

const CITY = 'city';

/** Opens an account, or changes one's role, district and unit. */
export function AccountFormModal({ editing, units, onDone, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<AccountInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);
  const role = Form.useWatch('role', form);
  const creating = editing === null;
  const { user } = useSession();
  // A district administrator opens accounts in its own district only (the gateway checks it too).
  const ownDistrict = user?.role === 'district-admin' ? user.districtId : undefined;
  const districts = useMemo(
    () =>
      [
        { value: CITY, label: t('admin.users.cityWide') },
        ...units.filter((u) => u.level === 'district').map((u) => ({ value: u.unitId, label: u.name })),
      ].filter((option) => ownDistrict === undefined || option.value === ownDistrict),
    [units, t, ownDistrict],
  );
  useEffect(() => {
    if (editing === undefined) return;
    form.resetFields();
    if (editing !== null) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        districtId: editing.districtId,
        ...(editing.unitId ? { unitId: editing.unitId } : {}),
      });
    }
    setError(undefined);
    setCommandId(newCommandId());
  }, [editing, form]);

  const submit = async (values: AccountInput) => {
    setBusy(true);
    setError(undefined);
    const scope = {
      role: values.role,
      districtId: values.districtId,
      ...(UNIT_ROLES.includes(values.role) && values.unitId ? { unitId: values.unitId } : {}),
    };
    try {
      if (creating) await accountsApi.create({ ...values, ...scope }, commandId);
      else if (editing) await accountsApi.changeScope(editing.username, scope);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={editing !== undefined}
      title={
        creating ? t('admin.users.create') : t('admin.users.editScope', { name: editing?.displayName ?? '' })
      }
      okText={creating ? t('admin.users.create') : t('admin.users.saveScope')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          rules={[
            { required: true, message: t('admin.users.usernameRequired') },
            { pattern: /^[a-z][a-z0-9-]{1,47}$/, message: t('admin.users.usernameRule') },
          ]}
        >
          <Input disabled={!creating} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameRequired') }]}
        >
          <Input disabled={!creating} maxLength={64} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('admin.users.role')}
          rules={[{ required: true, message: t('admin.users.roleRequired') }]}
        >
          <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="districtId"
          label={t('admin.users.district')}
          rules={[{ required: true, message: t('admin.users.districtRequired') }]}
        >
          <Select options={districts} />
        </Form.Item>
        {role !== undefined && UNIT_ROLES.includes(role) && (
          <Form.Item
            name="unitId"
            label={t('admin.users.unit')}
            rules={[{ required: true, message: t('admin.users.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={units.filter((u) => u.active).map((u) => ({ value: u.unitId, label: u.name }))}
            />
          </Form.Item>
        )}
        {creating && (
          <Form.Item
            name="password"
            label={t('admin.users.initialPassword')}
            extra={t('admin.users.initialPasswordHint')}
            rules={[{ required: true, min: 10, message: t('admin.users.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
