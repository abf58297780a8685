import { z } from 'zod';

/**
 * The roles of people who sign in to the platform (the gateway's accounts, OIDC users, API tokens).
 * Services see them only through `Actor.gatewayRole` (audit) and the workflow actor role the gateway
 * maps each of them to.
 */
export const GATEWAY_ROLES = [
  'agent',
  'supervisor',
  'center',
  'unit-handler',
  'unit-leader',
  'district-admin',
  'city-admin',
  'auditor',
  'leader',
] as const;

export const GatewayRole = z.enum(GATEWAY_ROLES);
export type GatewayRole = z.infer<typeof GatewayRole>;

/** The anonymous portal user: no account, only public routes. */
export const CITIZEN_ROLE = 'citizen';
export type RouteRole = GatewayRole | typeof CITIZEN_ROLE;

/** Roles that see the whole city (agents of the city center register cases for any district). */
export const CITY_WIDE_ROLES: readonly GatewayRole[] = [
  'agent',
  'supervisor',
  'center',
  'city-admin',
  'auditor',
  'leader',
];

/** Roles bound to a handling unit: they see their unit and the units below it. */
export const UNIT_ROLES: readonly GatewayRole[] = ['unit-handler', 'unit-leader'];

/** Roles that administer accounts (a district admin only within its district). */
export const ADMIN_ROLES: readonly GatewayRole[] = ['city-admin', 'district-admin'];

export const isCityWideRole = (role: GatewayRole): boolean => CITY_WIDE_ROLES.includes(role);
export const isUnitRole = (role: GatewayRole): boolean => UNIT_ROLES.includes(role);

/** Display names, zh-CN first. */
export const GATEWAY_ROLE_LABELS: Readonly<Record<GatewayRole, { 'zh-CN': string; en: string }>> = {
  agent: { 'zh-CN': '坐席', en: 'Agent' },
  supervisor: { 'zh-CN': '班长席', en: 'Supervisor' },
  center: { 'zh-CN': '热线办', en: 'Hotline center' },
  'unit-handler': { 'zh-CN': '承办人', en: 'Unit handler' },
  'unit-leader': { 'zh-CN': '承办单位领导', en: 'Unit leader' },
  'district-admin': { 'zh-CN': '区管理员', en: 'District administrator' },
  'city-admin': { 'zh-CN': '市管理员', en: 'City administrator' },
  auditor: { 'zh-CN': '审计员', en: 'Auditor' },
  leader: { 'zh-CN': '领导', en: 'Leader' },
};
