import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, apiPost } from '../../api/http';
import { homeOf, useSession } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components';
import { useT } from '../../i18n';
import { WordedError } from '../../components/error-text';

/** The gateway's policy, checked here first so the form can say it at once. */
export function meetsPolicy(password: string, username: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(password)).length;
  const containsName = username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
  return [...password].length >= 10 && classes >= 3 && !containsName;
}

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
  const [form] = Form.useForm<PasswordChange>();

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
      const wrongCurrent = caught instanceof ApiError && caught.field === 'currentPassword';
      const message = wrongCurrent ? t('password.currentWrong') : undefined;
      setError(wrongCurrent ? new WordedError(t('password.currentWrong')) : caught);
      // The field the gateway names gets the message too, where the eye already is.
      if (
        caught instanceof ApiError &&
        (caught.field === 'currentPassword' || caught.field === 'newPassword')
      ) {
        form.setFields([{ name: caught.field, errors: [message ?? t(`error.${caught.code}`)] }]);
      }
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
        <Form<PasswordChange> form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
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
              {
                validator: (_rule, value: string | undefined) =>
                  value === undefined || value === '' || meetsPolicy(value, user?.username ?? '')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.rule'))),
              },
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
