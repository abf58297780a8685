import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { IsoDateTime } from '../workflow/case.values';
import { AgentId, ContactId, QueueId, ROUTING_SERVICE } from './routing.values';

const query = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineQuery({ type, service: ROUTING_SERVICE, summary, schema });

export const IntervalMinutes = z.union([z.literal(15), z.literal(30)]);

export const GetQueueBoard = query(
  'GetQueueBoard',
  'Live queues (waiting, longest wait, agents by state) and agents with their state and time in it.',
  z.object({}),
);
export const GetContactPlace = query(
  'GetContactPlace',
  "A contact's place: waiting (position and expected wait from recent history, for announcements) or connected to an agent; unknown once it ended.",
  z.object({ contactId: ContactId }),
);
export const GetAgentSession = query(
  'GetAgentSession',
  "An agent's state, offer and contacts, for the desk.",
  z.object({ agentId: AgentId }),
);
export const GetRoutingSettings = query(
  'GetRoutingSettings',
  "The router's settings as data: every queue's configuration, every agent's profile, the router's settings.",
  z.object({}),
);
export const GetQueueStatistics = query(
  'GetQueueStatistics',
  'Offered, answered, abandoned, service level, ASA, AHT and longest wait per queue and interval.',
  z.object({
    from: IsoDateTime,
    to: IsoDateTime,
    intervalMinutes: IntervalMinutes,
    queueId: QueueId.optional(),
  }),
);
export const GetAgentStatistics = query(
  'GetAgentStatistics',
  'Answered, handle time and occupancy per agent and interval.',
  z.object({
    from: IsoDateTime,
    to: IsoDateTime,
    intervalMinutes: IntervalMinutes,
    agentId: AgentId.optional(),
  }),
);
export const ForecastStaffing = query(
  'ForecastStaffing',
  'Arrivals forecast per 30-minute interval from history and agents needed (Erlang C and Erlang A).',
  z.object({
    queueId: QueueId,
    date: z.iso.date(),
    serviceLevelTarget: z.number().min(0.01).max(0.999),
    serviceLevelSeconds: z.number().min(1).max(600),
  }),
);

export const routingQueries = [
  GetQueueBoard,
  GetContactPlace,
  GetAgentSession,
  GetRoutingSettings,
  GetQueueStatistics,
  GetAgentStatistics,
  ForecastStaffing,
] as const;
