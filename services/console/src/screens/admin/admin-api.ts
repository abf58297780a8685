import type { DispatchCatalogueView, UnitView } from '@hotline/contracts';
import { apiGet, apiPost, newCommandId } from '../../api/http';
import type { Role } from '../../auth/session';

export type { UnitView };

export const ROLES: readonly Role[] = [
  'agent',
  'supervisor',
  'center',
  'unit-handler',
  'unit-leader',
  'district-admin',
  'city-admin',
  'auditor',
  'leader',
];
export const UNIT_ROLES: readonly Role[] = ['unit-handler', 'unit-leader'];

/** An account as the accounts read model keeps it (the gateway's AccountDocument, without secrets). */
export interface AccountView {
  username: string;
  displayName: string;
  role: Role;
  districtId: string;
  unitId?: string | null;
  enabled: boolean;
  mustChangePassword: boolean;
  lockedUntil?: string | null;
  lastSignInAt?: string | null;
  createdAt?: string;
}

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  districtId: string;
  unitId?: string;
  password: string;
}

const account = (username: string) => `/api/accounts/${encodeURIComponent(username)}`;

/**
 * The accounts routes of the gateway's administration (auth contract, issue 5). Kept in this one
 * place, so aligning with the final routes is one edit.
 */
export const accountsApi = {
  list: () => apiGet<AccountView[]>('/api/accounts'),
  create: (input: AccountInput, commandId: string) =>
    apiPost<unknown>('/api/accounts', { commandId, ...input }),
  changeScope: (username: string, scope: Pick<AccountInput, 'role' | 'districtId' | 'unitId'>) =>
    apiPost<unknown>(`${account(username)}/scope`, { commandId: newCommandId(), ...scope }),
  disable: (username: string) =>
    apiPost<unknown>(`${account(username)}/disable`, { commandId: newCommandId() }),
  enable: (username: string) =>
    apiPost<unknown>(`${account(username)}/enable`, { commandId: newCommandId() }),
  unlock: (username: string) =>
    apiPost<unknown>(`${account(username)}/unlock`, { commandId: newCommandId() }),
  resetPassword: (username: string, password: string) =>
    apiPost<unknown>(`${account(username)}/password`, { commandId: newCommandId(), password }),
};

export const listUnits = (minPosition?: number) =>
  apiGet<UnitView[]>('/api/units', { includeInactive: true, minPosition });

export const getCatalogue = (minPosition?: number) =>
  apiGet<DispatchCatalogueView>('/api/dispatch-catalogue', { minPosition });

export interface UnitContactInput {
  role: 'duty' | 'leader' | 'liaison';
  name: string;
  phone: string;
  email?: string;
}

export const unitsApi = {
  register: (
    input: { unitId: string; name: string; level: string; parentId?: string; fallback: boolean },
    commandId: string,
  ) => apiPost<{ position: number }>('/api/units', { commandId, ...input }),
  updateContacts: (unitId: string, contacts: UnitContactInput[], commandId: string) =>
    apiPost<{ position: number }>(`/api/units/${encodeURIComponent(unitId)}/contacts`, {
      commandId,
      contacts,
    }),
  deactivate: (unitId: string, reason: string, commandId: string) =>
    apiPost<{ position: number }>(`/api/units/${encodeURIComponent(unitId)}/deactivate`, {
      commandId,
      reason,
    }),
};

export const catalogueApi = {
  set: (entry: { categoryCode: string; districtId?: string; unitId: string }, commandId: string) =>
    apiPost<{ position: number }>('/api/dispatch-catalogue/entries', { commandId, ...entry }),
  remove: (entry: { categoryCode: string; districtId?: string }, commandId: string) =>
    apiPost<{ position: number }>('/api/dispatch-catalogue/entries/remove', { commandId, ...entry }),
};

export { newCommandId };
