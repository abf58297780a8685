import { useState } from 'react';
import { Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { homeOf, useSession } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components';
import { useT } from '../../i18n';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in: explains bad credentials and lockouts, then goes where the visitor was heading. */
export function LoginScreen() {
  const t = useT();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const from = params.get('from');
  const target = (role: Parameters<typeof homeOf>[0]) =>
    from !== null && from.startsWith('/') && !from.startsWith('//') ? from : homeOf(role);

  if (user !== null && !busy) {
    return <Navigate to={user.mustChangePassword ? '/password' : target(user.role)} replace />;
  }

  const onFinish = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await signIn(username.trim(), password);
      await navigate(signedIn.mustChangePassword ? '/password' : target(signedIn.role), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const message =
    error instanceof ApiError && error.status === 423
      ? new ApiError(423, 'AUTH_LOCKED', t('error.AUTH_LOCKED'))
      : error instanceof ApiError && error.status === 401
        ? new ApiError(401, 'AUTH_INVALID_CREDENTIALS', t('error.AUTH_INVALID_CREDENTIALS'))
        : error;

  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} subTitle={t('login.subtitle')} />
      <Card>
        <Form<Credentials>
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          requiredMark="optional"
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error !== undefined && (
            <Form.Item>
              <ErrorAlert error={message} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
