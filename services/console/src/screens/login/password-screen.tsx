import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { apiPost } from '../../api/http';
import { homeOf, useSession } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components';
import { useT } from '../../i18n';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Password change; required before anything else when the account must change its password. */
export function PasswordScreen() {
  const t = useT();
  const { message } = App.useApp();
  const { user, loading, refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (!loading && user === null) return <Navigate to="/login?from=%2Fpassword" replace />;

  const onFinish = async ({ currentPassword, newPassword }: PasswordChange) => {
    setBusy(true);
    setError(undefined);
    try {
      await apiPost<void>('/api/auth/password', { currentPassword, newPassword });
      await refresh();
      void message.success(t('password.changed'));
      await navigate(homeOf(user?.role), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('password.title')} />
      {user?.mustChangePassword === true && (
        <Alert type="warning" showIcon title={t('password.required')} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Form<PasswordChange> layout="vertical" onFinish={(values) => void onFinish(values)}>
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.rule')}
            rules={[
              { required: true, message: t('password.newRequired') },
              { min: 10, message: t('password.rule') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error !== undefined && (
            <Form.Item>
              <ErrorAlert error={error} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
