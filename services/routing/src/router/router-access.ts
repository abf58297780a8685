import {
  AGENT_OWN_COMMANDS,
  ROUTER_COMMAND_ROLES,
  routerRoleOf,
  type Actor,
  type RouterCommand,
} from '@hotline/contracts';
import { routerViolation, RouterErrorCode as Code } from './router.errors';

/**
 * The roles of `ROUTER_COMMAND_ROLES` (the gateway's routes use the same table): who may send the
 * command at all, and that an agent acts only on their own session and a supervisor supervises as
 * themselves. Checked before anything is decided, so a refusal stores nothing.
 */
export function authorize(command: RouterCommand, actor: Actor): void {
  const role = routerRoleOf(actor);
  const allowed = ROUTER_COMMAND_ROLES[command.type];
  if (role === undefined || !allowed.includes(role)) {
    throw routerViolation(
      Code.RoleNotAllowed,
      `${command.type} is for ${allowed.join(', ')}, not ${role ?? actor.role}`,
      { role: role ?? actor.role },
    );
  }
  const data = command.data as { agentId?: string; supervisorId?: string };
  if (role === 'agent' && AGENT_OWN_COMMANDS.has(command.type) && data.agentId !== actor.id) {
    throw routerViolation(Code.NotOwnSession, `agentId: an agent acts only on their own session`, {
      field: 'agentId',
    });
  }
  if (role === 'supervisor' && data.supervisorId !== undefined && data.supervisorId !== actor.id) {
    throw routerViolation(Code.NotOwnSession, `supervisorId: a supervisor supervises as themselves`, {
      field: 'supervisorId',
    });
  }
}
