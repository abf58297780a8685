import { useMemo, useState } from 'react';
import { App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { FieldLabel } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { AccountFormModal } from './account-form-modal';
import { accountsApi, listUnits, type AccountView } from './admin-api';

/** Users and roles: open accounts, change their scope, disable, unlock, reset a password. */
export function UsersPage() {
  const t = useT();
  const instant = useInstant();
  const { message } = App.useApp();
  const { user } = useSession();
  const canEdit = user?.role === 'city-admin' || user?.role === 'district-admin';
  const accounts = useRequest(accountsApi.list, 'accounts');
  const units = useRequest(() => listUnits(), 'units');
  const [editing, setEditing] = useState<AccountView | null | undefined>(undefined);
  const [resetting, setResetting] = useState<AccountView | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [actionError, setActionError] = useState<unknown>(undefined);
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.unitId, u.name])), [units.data]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(undefined);
    try {
      await run();
      void message.success(t(done));
      accounts.reload();
      return true;
    } catch (failure) {
      setActionError(failure);
      return false;
    }
  };

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        extra={
          canEdit ? (
            <Button type="primary" onClick={() => setEditing(null)}>
              {t('admin.users.create')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={accounts.error ?? actionError} />
      <Table<AccountView>
        rowKey="username"
        size="small"
        loading={accounts.loading}
        dataSource={accounts.data ?? []}
        locale={{ emptyText: <EmptyState description={t('admin.users.none')} /> }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('admin.users.username'),
            dataIndex: 'username',
            // The sign-in name exactly as it is typed at the sign-in page.
            render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
          },
          { title: t('admin.users.displayName'), dataIndex: 'displayName' },
          { title: t('admin.users.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
          {
            title: t('admin.users.scope'),
            render: (_: unknown, row) =>
              row.unitId
                ? (unitNames.get(row.unitId) ?? row.unitId)
                : row.districtId === 'city'
                  ? t('admin.users.cityWide')
                  : (unitNames.get(row.districtId) ?? row.districtId),
          },
          {
            title: t('admin.users.state'),
            render: (_: unknown, row) => (
              <Space wrap size={4}>
                {row.enabled ? (
                  <Tag color="success">{t('admin.users.enabled')}</Tag>
                ) : (
                  <Tag>{t('admin.users.disabled')}</Tag>
                )}
                {row.lockedUntil && new Date(row.lockedUntil) > new Date() && (
                  <Tag color="error">{t('admin.users.locked')}</Tag>
                )}
                {row.mustChangePassword && <Tag color="warning">{t('admin.users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('admin.users.lastSignIn'),
            dataIndex: 'lastSignInAt',
            render: (at?: string | null) => instant(at),
          },
          ...(canEdit
            ? [
                {
                  title: t('case.actions'),
                  render: (_: unknown, row: AccountView) => (
                    <Space wrap size={4}>
                      <Button
                        size="small"
                        onClick={() => setEditing(row)}
                        aria-label={t('admin.users.editScope', { name: row.displayName })}
                      >
                        {t('admin.users.scopeButton')}
                      </Button>
                      {row.username === user?.username ? null : row.enabled ? (
                        <Button
                          size="small"
                          danger
                          onClick={() =>
                            void act(() => accountsApi.disable(row.username), 'admin.users.disabledDone')
                          }
                        >
                          {t('admin.users.disable')}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          onClick={() =>
                            void act(() => accountsApi.enable(row.username), 'admin.users.enabledDone')
                          }
                        >
                          {t('admin.users.enable')}
                        </Button>
                      )}
                      {row.lockedUntil && (
                        <Button
                          size="small"
                          onClick={() =>
                            void act(() => accountsApi.unlock(row.username), 'admin.users.unlockedDone')
                          }
                        >
                          {t('admin.users.unlock')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => setResetting(row)}>
                        {t('admin.users.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AccountFormModal
        editing={editing}
        units={units.data ?? []}
        onCancel={() => setEditing(undefined)}
        onDone={() => {
          setEditing(undefined);
          accounts.reload();
        }}
      />
      <Modal
        open={resetting !== undefined}
        title={t('admin.users.resetPasswordFor', { name: resetting?.displayName ?? '' })}
        okText={t('admin.users.resetPassword')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: password.length < 10 }}
        onCancel={() => setResetting(undefined)}
        onOk={() =>
          void act(
            () => accountsApi.resetPassword(resetting?.username ?? '', password),
            'admin.users.passwordDone',
          ).then((ok) => {
            if (!ok) return;
            setResetting(undefined);
            setPassword('');
          })
        }
        destroyOnHidden
      >
        <FieldLabel htmlFor="admin-reset-password">{t('admin.users.initialPassword')}</FieldLabel>
        <Input.Password
          id="admin-reset-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
        <p>{t('admin.users.initialPasswordHint')}</p>
        <ErrorAlert error={actionError} />
      </Modal>
    </>
  );
}
