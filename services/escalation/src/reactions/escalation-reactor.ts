import {
  CallbackAuditDisagreed,
  CaseDeadlinePointReached,
  CaseDispatched,
  CaseDispatchedToFallbackUnit,
  CaseLeaderInstructionRecorded,
  CaseRedispatched,
  CaseRedone,
  CaseRepeatContactRecorded,
  OpenSupervision,
  ReportToEmergencyOffice,
  SendLadderNotice,
  SendReminder,
  type Clock,
  type DeadlinePoint,
  type SupervisionLevel,
  type SupervisionScope,
  type WorkingCalendar,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { Reaction, ReactorSpec } from '@hotline/infra/reactor';
import { loadCaseFacts, type CaseFacts } from '../case-facts/case-facts';
import { caseEscalationAggregate } from '../deadlines/case-escalation.aggregate';
import type { ReminderCommands } from '../reminders/reminder.endpoints';
import { supervisionAggregate } from '../supervision/supervision.aggregate';

export const REACTIONS_CONSUMER = 'escalation-reactions';

export interface EscalationReactionOptions {
  handler: CommandHandlerDeps;
  reminders: ReminderCommands;
  clock: Clock;
  calendar: () => WorkingCalendar;
  /** Due points that remind the unit by themselves. */
  reminderPoints: ReadonlySet<string>;
  autoSupervision: boolean;
  rectifyHalfDays: number;
  /** Category code prefixes whose emergency cases are reported to the emergency management office. */
  emergencyReportCategories: readonly string[];
}

/**
 * The process manager of escalation: automatic reminders at the configured due points, automatic
 * supervision for the scopes of DOMAIN.md (overdue, buck-passing: two returns, the same matter three
 * times, a redo under supervision after a dissatisfied callback, a random audit callback that
 * disagrees with what the unit reported, a leader's instruction) and the repeat ladder. Each step is
 * refusable on its own (the case closed meanwhile): a refused reminder does not keep the supervision
 * from opening. A scope opened once per case takes its command id from the case, not the event, so
 * two events never open it twice.
 */
export function escalationReactions(options: EscalationReactionOptions): ReactorSpec {
  const { handler, reminders, clock, calendar, rectifyHalfDays } = options;
  const auto = options.autoSupervision;

  const supervise = (
    { commandWithId, refusable, event }: Reaction,
    supervisionId: string,
    scope: SupervisionScope,
    note: string,
    level: SupervisionLevel = 'center',
  ): Promise<void> => {
    const rectifyBy = calendar()
      .addWorkingDays(clock.now(), rectifyHalfDays / 2)
      .toISOString();
    const caseId = (event.data as { caseId: string }).caseId;
    return refusable(() =>
      handleCommand(handler, {
        aggregate: supervisionAggregate,
        id: supervisionId,
        command: commandWithId(OpenSupervision, `supervise:${supervisionId}`, {
          supervisionId,
          caseId,
          scope,
          level,
          rectifyBy,
          note: note.slice(0, 2000),
        }),
        context: async () => ({ case: await loadCaseFacts(handler.store, caseId) }),
      }),
    );
  };

  /**
   * An emergency case (紧急) dispatched to a unit: its duty officer is texted and called at once (an
   * emergency reminder per dispatch, so a re-dispatch reaches the new unit), and, when its category is
   * one the city lists, the case is reported to the emergency management office (once per case).
   */
  const alertEmergency = async ({ event, command, refusable }: Reaction, facts: CaseFacts) => {
    const caseId = facts.caseId;
    await refusable(() =>
      reminders.execute(
        command(SendReminder, 'emergency', {
          reminderId: `emergency.${event.id}`,
          caseId,
          emergency: true,
        }),
      ),
    );
    const category = facts.categoryCode;
    if (!category || !options.emergencyReportCategories.some((prefix) => category.startsWith(prefix))) return;
    const lead = (event.data as { lead: { unitId: string } }).lead.unitId;
    await refusable(() =>
      handleCommand(handler, {
        aggregate: caseEscalationAggregate,
        id: caseId,
        command: command(ReportToEmergencyOffice, 'emergency-office', {
          caseId,
          caseNumber: facts.caseNumber ?? caseId,
          categoryCode: category,
          matter: (facts.content ?? '紧急案件').slice(0, 4000),
          ...(facts.address ? { address: facts.address } : {}),
          receivedAt: facts.registeredAt ?? event.time,
          dispatchedAt: event.time,
          unitId: lead,
        }),
      }),
    );
  };

  return {
    name: REACTIONS_CONSUMER,
    events: [
      CaseDeadlinePointReached,
      CaseDispatched,
      CaseDispatchedToFallbackUnit,
      CaseRedispatched,
      CaseRepeatContactRecorded,
      CaseLeaderInstructionRecorded,
      CaseRedone,
      CallbackAuditDisagreed,
    ],
    refusal: 'an automatic escalation was refused',
    react: async (reaction) => {
      const { event, command, refusable } = reaction;
      const data = event.data as Record<string, unknown>;
      const caseId = data.caseId as string;
      switch (event.type) {
        case CaseDeadlinePointReached.type: {
          const point = data.point as DeadlinePoint;
          if (options.reminderPoints.has(point)) {
            await refusable(() =>
              reminders.execute(
                command(SendReminder, 'remind', { reminderId: `auto.${event.id}`, caseId, point }),
              ),
            );
          }
          if (auto && point === 'overdue')
            await supervise(reaction, `overdue.${caseId}`, 'overdue', '案件超期未办结，自动督办');
          return;
        }
        case CaseDispatched.type:
        case CaseDispatchedToFallbackUnit.type: {
          const facts = await loadCaseFacts(handler.store, caseId);
          if (facts?.urgent) await alertEmergency(reaction, facts);
          return;
        }
        case CaseRedispatched.type: {
          const facts = await loadCaseFacts(handler.store, caseId);
          if (facts?.urgent) await alertEmergency(reaction, facts);
          if (!auto) return;
          if (facts && facts.returns >= 2) {
            await supervise(
              reaction,
              `buck-passing.${caseId}`,
              'buck-passing',
              `单位间推诿：已退单 ${facts.returns} 次`,
            );
          }
          return;
        }
        case CaseRepeatContactRecorded.type: {
          const repeatCount = data.repeatCount as number;
          const facts = await loadCaseFacts(handler.store, caseId);
          await refusable(() =>
            handleCommand(handler, {
              aggregate: caseEscalationAggregate,
              id: caseId,
              command: command(SendLadderNotice, 'ladder', {
                caseId,
                repeatCount,
                ...(facts?.unitId ? { unitId: facts.unitId } : {}),
              }),
            }),
          );
          // The first contact and two repeats: the same matter three times.
          if (auto && repeatCount >= 2) {
            const level: SupervisionLevel = repeatCount >= 3 ? 'city-government' : 'center';
            await supervise(
              reaction,
              `repeat.${caseId}`,
              'repeat-complaint',
              `同一诉求重复来电 ${repeatCount + 1} 次`,
              level,
            );
          }
          return;
        }
        case CaseLeaderInstructionRecorded.type:
          if (auto)
            await supervise(
              reaction,
              `instruction.${event.id}`,
              'leader-instruction',
              String(data.instruction),
            );
          return;
        case CaseRedone.type:
          if (auto && data.underSupervision === true)
            await supervise(reaction, `redo.${event.id}`, 'dissatisfied-callback', '回访不满意，重办督办');
          return;
        case CallbackAuditDisagreed.type: {
          // One supervision per audit task: the survey emits the flag once, a redelivery opens nothing more.
          if (!auto) return;
          const comment = typeof data.comment === 'string' ? `：${data.comment}` : '';
          await supervise(
            reaction,
            `audit.${String(data.taskId)}`,
            'dissatisfied-callback',
            `抽查回访与单位反馈不符，群众不满意${comment}`,
          );
          return;
        }
        default:
          return;
      }
    },
  };
}
