import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { freeText } from '../messages/personal-data';
import { CaseId, CategoryCode, IsoDateTime, UnitId } from '../workflow/case.values';
import { CASE_ESCALATION_CATEGORY, DeadlinePoint, ESCALATION_SERVICE, LadderRung } from './escalation.values';

/** Which setting of a point fired: a dispatch, an extension or a signing gives each point a new key. */
const TimerKey = z.string().min(1).max(200);

export const FireDeadlinePoint = defineCommand({
  type: 'FireDeadlinePoint',
  service: ESCALATION_SERVICE,
  summary:
    "The escalation timers' own command: record that a case reached a due point. Any instance may send it; one event is kept.",
  schema: z.object({
    caseId: CaseId,
    point: DeadlinePoint,
    key: TimerKey,
    dueAt: IsoDateTime,
    unitId: UnitId.optional(),
  }),
});

export const CaseDeadlinePointReached = defineEvent({
  type: 'CaseDeadlinePointReached',
  version: 1,
  category: CASE_ESCALATION_CATEGORY,
  summary:
    'A case reached one of its due points (sign-by, return-by, sub-dispatch-by, first-contact-by, due-soon, overdue): fired once, within a second of `dueAt`.',
  schema: z.object({
    caseId: CaseId,
    point: DeadlinePoint,
    key: TimerKey,
    dueAt: IsoDateTime,
    /** The unit holding the case at that moment. */
    unitId: UnitId.optional(),
  }),
});

export const SendLadderNotice = defineCommand({
  type: 'SendLadderNotice',
  service: ESCALATION_SERVICE,
  summary: "The escalation service's own command: a repeated complaint climbs the repeat ladder.",
  schema: z.object({ caseId: CaseId, repeatCount: z.number().int().positive(), unitId: UnitId.optional() }),
});

export const RepeatLadderNoticeSent = defineEvent({
  type: 'RepeatLadderNoticeSent',
  version: 1,
  category: CASE_ESCALATION_CATEGORY,
  summary:
    "A repeated complaint climbed the repeat ladder: 1st repeat to the unit's head, 2nd to its top leader, 3rd and more to the city government office.",
  schema: z.object({
    caseId: CaseId,
    repeatCount: z.number().int().positive(),
    rung: LadderRung,
    unitId: UnitId.optional(),
  }),
});

/**
 * The report an emergency case makes to the emergency management office (应急管理部门), as the
 * rules ask (诉求事项属于应急管理规定的内容，应及时向应急管理部门报告): what happened, where, when it
 * was received, its category, which unit was dispatched and that its duty phone was called. No
 * caller's name or number: the office reads the matter, the hotline keeps the citizen.
 */
const EmergencyReport = z.object({
  caseId: CaseId,
  caseNumber: z.string().min(1).max(32),
  categoryCode: CategoryCode,
  /** The matter as registered (free text, may hold personal data: masked in logs). */
  matter: freeText(z.string().min(1).max(4000)),
  address: freeText(z.string().min(1).max(500)).optional(),
  receivedAt: IsoDateTime,
  dispatchedAt: IsoDateTime,
  /** The lead unit the case was dispatched to, whose duty phone was called. */
  unitId: UnitId,
});

export const ReportToEmergencyOffice = defineCommand({
  type: 'ReportToEmergencyOffice',
  service: ESCALATION_SERVICE,
  summary:
    "The escalation service's own command: an emergency case whose category the city lists is reported to the emergency management office, once.",
  schema: EmergencyReport,
});

export const EmergencyOfficeReported = defineEvent({
  type: 'EmergencyOfficeReported',
  version: 1,
  category: CASE_ESCALATION_CATEGORY,
  summary:
    'An emergency case was reported to the emergency management office (应急管理部门): the matter, place, times, category and the unit dispatched.',
  schema: EmergencyReport,
});

export const caseEscalationCommands = [FireDeadlinePoint, SendLadderNotice, ReportToEmergencyOffice] as const;
export const caseEscalationEvents = [
  CaseDeadlinePointReached,
  RepeatLadderNoticeSent,
  EmergencyOfficeReported,
] as const;
