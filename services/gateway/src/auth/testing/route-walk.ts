import type { GatewayRole } from '@hotline/contracts';

/** The demo account of each role. */
export const USER_OF_ROLE: Record<GatewayRole, string> = {
  agent: 'agent',
  supervisor: 'supervisor',
  center: 'center',
  'unit-handler': 'unit-handler-housing',
  'unit-leader': 'unit-leader-housing',
  'district-admin': 'district-admin-gulou',
  'city-admin': 'city-admin',
  auditor: 'auditor',
  leader: 'leader',
};

/** Path parameters within each role's own scope, so that only the role decides the answer. */
const PARAMS: Record<string, (role: GatewayRole) => string> = {
  unitId: (role) =>
    role.startsWith('unit-') ? 'housing-bureau' : role === 'district-admin' ? 'gulou' : 'water-group',
  caseId: () => 'no-such-case',
  action: () => 'sign',
  group: () => 'review',
  contactId: () => 'no-such-contact',
  articleId: () => 'no-such-article',
  phone: () => '13705918888',
  caseNumber: () => '20260101',
  username: () => 'no-such-user',
  tokenId: () => 'a1b2c3d4e5f6a7b8',
  file: () => 'index.css',
};

/** A route's path with parameters inside the role's scope, so that only the role decides the answer. */
export const pathOf = (path: string, role: GatewayRole): string =>
  path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name]?.(role) ?? 'x');
