import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Result } from 'antd';
import { ApiError, apiGet, apiPost, rememberCsrfToken } from '../api/http';
import { useT } from '../i18n';
import { Loading } from '../components/loading';

/** The gateway roles (auth contract); `citizen` is anonymous and has no account. */
export type Role =
  | 'agent'
  | 'supervisor'
  | 'center'
  | 'unit-handler'
  | 'unit-leader'
  | 'district-admin'
  | 'city-admin'
  | 'auditor'
  | 'leader';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string;
  unitId?: string;
  mustChangePassword: boolean;
}

interface SignedIn {
  user: SessionUser;
  csrfToken: string;
}

export interface Session {
  user: SessionUser | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** Re-reads `/api/auth/me` (after a password change, for instance). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const me = await apiGet<SignedIn>('/api/auth/me');
      rememberCsrfToken(me.csrfToken);
      setUser(me.user);
    } catch (error) {
      // 401 means anonymous; anything else (gateway down) also leaves the visitor anonymous.
      if (!(error instanceof ApiError)) throw error;
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const signedIn = await apiPost<SignedIn>('/api/auth/sign-in', { username, password });
    rememberCsrfToken(signedIn.csrfToken);
    setUser(signedIn.user);
    return signedIn.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiPost<void>('/api/auth/sign-out');
    } finally {
      rememberCsrfToken(undefined);
      setUser(null);
    }
  }, []);

  const value = useMemo(
    () => ({ user, loading, signIn, signOut, refresh }),
    [user, loading, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs <SessionProvider>');
  return session;
}

/** Where each role starts (`/` redirects there). */
export function homeOf(role: Role | undefined): string {
  switch (role) {
    case undefined:
      return '/portal';
    case 'agent':
      return '/desk';
    case 'center':
    case 'supervisor':
      return '/center';
    case 'leader':
      return '/center/reported';
    case 'unit-handler':
    case 'unit-leader':
      return '/unit';
    case 'district-admin':
    case 'city-admin':
    case 'auditor':
      return '/admin';
  }
}

/**
 * Renders its children for the listed roles only: anonymous visitors go to the sign-in page (and come
 * back afterwards), a pending password change comes first, other roles see a 403 page.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const t = useT();
  if (loading) {
    return (
      <div className="centered">
        <Loading />
      </div>
    );
  }
  if (user === null) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
  }
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (!roles.includes(user.role)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  }
  return <>{children}</>;
}
