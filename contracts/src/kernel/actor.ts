import { z } from 'zod';

/** Who asked for a change. Every event carries one, so the event log is the audit log. */
export const Actor = z.object({
  id: z.string().min(1).max(128),
  role: z.string().min(1).max(64),
  /** The handling unit the actor works for, when the actor is a unit user. */
  unitId: z.string().min(1).max(128).optional(),
  /** The signed-in user's gateway role (`GatewayRole`), recorded for audit; absent for the platform itself. */
  gatewayRole: z.string().min(1).max(64).optional(),
  /** The user's display name when they acted, so the timeline and the audit trail say who, not an id. */
  name: z.string().min(1).max(128).optional(),
});
export type Actor = z.infer<typeof Actor>;

/** The actor used for changes the platform makes by itself (timers, relays, process managers). */
export const systemActor = (id: string): Actor => ({ id: `system:${id}`, role: 'system' });
