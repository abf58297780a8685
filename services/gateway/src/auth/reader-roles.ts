import type { GatewayRole } from '@hotline/contracts';

/**
 * Everyone who reads a service's lists and reports (escalation's board and ledger, the reports):
 * the owning service scopes each answer to the reader's district or unit.
 */
export const SCOPED_READERS: readonly GatewayRole[] = [
  'supervisor',
  'center',
  'leader',
  'city-admin',
  'auditor',
  'district-admin',
  'unit-leader',
  'unit-handler',
];
