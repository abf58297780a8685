import { Button, Dropdown, Flex, Layout, Menu, Segmented, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useLocale, useT, type Locale } from '../i18n';
import { navItemsFor } from './navigation';

/** Header (brand, areas the role may open, locale switch, user menu) above the area's page. */
export function Shell() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navItemsFor(user?.role);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;

  // A full page load, so nothing the signed-in user saw stays in memory after signing out.
  const onSignOut = async () => {
    try {
      await signOut();
    } finally {
      window.location.assign('/portal');
    }
  };

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        <Link to="/" className="brand">
          <span className="brand-mark">12345</span>
          <span className="brand-name">{t('shell.brand')}</span>
        </Link>
        <nav aria-label={t('shell.navigation')} className="shell-nav">
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={selected !== undefined ? [selected] : []}
            items={items.map((item) => ({
              key: item.path,
              label: <Link to={item.path}>{t(item.label)}</Link>,
            }))}
          />
        </nav>
        <Flex gap="small" align="center" className="shell-tools">
          <Segmented<Locale>
            size="small"
            aria-label={t('shell.language')}
            value={locale}
            onChange={setLocale}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
          />
          {user !== null ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'password',
                    label: t('shell.changePassword'),
                    onClick: () => void navigate('/password'),
                  },
                  {
                    key: 'sign-out',
                    icon: <LogoutOutlined aria-hidden />,
                    label: t('shell.signOut'),
                    onClick: () => void onSignOut(),
                  },
                ],
              }}
            >
              <Button icon={<UserOutlined aria-hidden />}>
                <span className="sr-only">{t('shell.userMenu')}</span>
                <span className="user-name">{user.displayName}</span>
                <Tag className="user-role">{t(`role.${user.role}`)}</Tag>
              </Button>
            </Dropdown>
          ) : (
            location.pathname !== '/login' && (
              <Link to="/login">
                <Button type="primary">{t('shell.signIn')}</Button>
              </Link>
            )
          )}
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" className="shell-content" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="shell-footer">
        <Typography.Text type="secondary">{t('shell.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
