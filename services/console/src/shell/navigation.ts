import type { Role } from '../auth/session';

export interface NavItem {
  path: string;
  /** Message key of the label. */
  label: string;
  roles: readonly Role[] | 'anyone';
}

/** The areas in the header, each shown to the roles its route admits (app.tsx). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/portal', label: 'nav.portal', roles: 'anyone' },
  { path: '/desk', label: 'nav.desk', roles: ['agent', 'supervisor'] },
  {
    path: '/center',
    label: 'nav.center',
    roles: ['center', 'supervisor', 'city-admin', 'district-admin', 'auditor', 'leader'],
  },
  { path: '/supervisor', label: 'nav.supervisor', roles: ['supervisor'] },
  { path: '/unit', label: 'nav.unit', roles: ['unit-handler', 'unit-leader'] },
  { path: '/admin', label: 'nav.admin', roles: ['city-admin', 'district-admin', 'auditor'] },
];

export function navItemsFor(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => item.roles === 'anyone' || (role !== undefined && item.roles.includes(role)),
  );
}
