import { GATEWAY_ROLES, type GatewayRole } from './kernel/gateway-roles';
import { contactCommands } from './intake/intake.messages';
import { ROUTER_COMMAND_ROLES } from './routing/routing.roles';
import { TELEPHONY_COMMAND_ROLES } from './telephony/telephony.roles';
import { ACTOR_ROLE_OF, CASE_COMMAND_ROLES, CONTACT_COMMAND_ROLES } from './workflow/case-command-roles';
import type { WorkflowRole } from './workflow/workflow-roles';

const CONTACT_COMMANDS: ReadonlySet<string> = new Set(contactCommands.map((c) => c.type));

const mappedTo = (roles: readonly WorkflowRole[]): GatewayRole[] =>
  GATEWAY_ROLES.filter((role) => roles.includes(ACTOR_ROLE_OF[role]));

/**
 * The gateway roles whose commands of `type` the owning decider accepts, read from the same tables
 * the deciders enforce (case, contact, router and telephony commands); undefined for a command whose service
 * checks its actors another way. The gateway documents no role outside this list.
 */
export function gatewayRolesTheDomainAllows(type: string): readonly GatewayRole[] | undefined {
  if (Object.hasOwn(CASE_COMMAND_ROLES, type))
    return mappedTo(CASE_COMMAND_ROLES[type as keyof typeof CASE_COMMAND_ROLES]);
  if (CONTACT_COMMANDS.has(type)) return mappedTo(CONTACT_COMMAND_ROLES);
  if (Object.hasOwn(ROUTER_COMMAND_ROLES, type))
    return ROUTER_COMMAND_ROLES[type as keyof typeof ROUTER_COMMAND_ROLES].filter(
      (role): role is GatewayRole => role !== 'system',
    );
  if (Object.hasOwn(TELEPHONY_COMMAND_ROLES, type))
    return TELEPHONY_COMMAND_ROLES[type as keyof typeof TELEPHONY_COMMAND_ROLES].filter(
      (role): role is GatewayRole => role !== 'system',
    );
  return undefined;
}
