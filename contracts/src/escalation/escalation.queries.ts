import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { CaseId, IsoDateTime, UnitId } from '../workflow/case.values';
import { QueryViewer } from '../workflow/queries/query-viewer';
import {
  ESCALATION_SERVICE,
  type ReminderChannel,
  SupervisionId,
  SupervisionLevel,
  SupervisionScope,
} from './escalation.values';

const Limit = z.number().int().min(1).max(500).default(100);

export const GetDeadlineBoard = defineQuery({
  type: 'GetDeadlineBoard',
  service: ESCALATION_SERVICE,
  summary:
    "Open cases near their deadline (yellow) or past it (red), most urgent first, with working days left or overdue; a unit user sees its own unit's.",
  schema: z.object({
    viewer: QueryViewer,
    unitId: UnitId.optional(),
    colour: z.enum(['yellow', 'red']).optional(),
    limit: Limit,
  }),
});

export const ListReminders = defineQuery({
  type: 'ListReminders',
  service: ESCALATION_SERVICE,
  summary:
    "Reminders (催办) newest first, with each channel's delivery; a unit user sees those sent to its unit.",
  schema: z.object({
    viewer: QueryViewer,
    unitId: UnitId.optional(),
    caseId: CaseId.optional(),
    unreadOnly: z.boolean().default(false),
    undeliveredOnly: z.boolean().default(false),
    limit: Limit,
  }),
});

export const GetSupervisionLedger = defineQuery({
  type: 'GetSupervisionLedger',
  service: ESCALATION_SERVICE,
  summary:
    'The supervision ledger (督办台账), newest first, filtered by status, scope, level, unit and period (or one supervision by its id).',
  schema: z.object({
    viewer: QueryViewer,
    supervisionId: SupervisionId.optional(),
    status: z.enum(['open', 'responded', 'overdue', 'closed']).optional(),
    scope: SupervisionScope.optional(),
    level: SupervisionLevel.optional(),
    unitId: UnitId.optional(),
    caseId: CaseId.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    limit: Limit,
  }),
});

export const ListEmergencyReports = defineQuery({
  type: 'ListEmergencyReports',
  service: ESCALATION_SERVICE,
  summary:
    'Reports made to the emergency management office for emergency cases, newest first, with how the duty phone was reached.',
  schema: z.object({ viewer: QueryViewer, caseId: CaseId.optional(), limit: Limit }),
});

export const escalationQueries = [
  GetDeadlineBoard,
  ListReminders,
  GetSupervisionLedger,
  ListEmergencyReports,
] as const;

/** One report to the emergency management office (应急管理部门报告). */
export interface EmergencyReportView {
  caseId: string;
  caseNumber: string;
  categoryCode: string;
  matter: string;
  address?: string;
  receivedAt: string;
  dispatchedAt: string;
  unitId: string;
  reportedAt: string;
  /** How the unit's duty officer was reached: the emergency alert's SMS and voice call. */
  alert?: ReminderDelivery[];
}

/** One row of the deadline board. */
export interface DeadlineBoardRow {
  caseId: string;
  /** The 8-digit number people read (the case's own stream has it). */
  caseNumber?: string;
  unitId: string | undefined;
  dueAt: string;
  colour: 'yellow' | 'red';
  /** Working days left (yellow) or, negative, working days overdue (red). */
  workingDaysLeft: number;
  underSupervision: boolean;
  reportedToLeader: boolean;
}

export interface ReminderDelivery {
  channel: z.infer<typeof ReminderChannel>;
  state: 'pending' | 'delivered' | 'requested' | 'undelivered';
  attempts: number;
  error?: string;
}

/** One reminder as the unit portal and the center list it. */
export interface ReminderView {
  reminderId: string;
  caseId: string;
  caseNumber?: string;
  unitId: string;
  automatic: boolean;
  point?: string;
  note?: string;
  dueAt?: string;
  sentAt: string;
  sentBy: string;
  read: boolean;
  /** An emergency dispatch's alert (texted and called at once). */
  emergency?: boolean;
  deliveries: ReminderDelivery[];
}

/** One row of the supervision ledger. */
export interface SupervisionLedgerRow {
  supervisionId: string;
  caseId: string;
  caseNumber?: string;
  unitId: string;
  scope: z.infer<typeof SupervisionScope>;
  level: z.infer<typeof SupervisionLevel>;
  status: 'open' | 'responded' | 'overdue' | 'closed';
  automatic: boolean;
  note: string;
  openedAt: string;
  rectifyBy: string;
  response?: string;
  respondedAt?: string;
  verdict?: string;
  closedAt?: string;
}
