import {
  reminderCommands,
  type CommandEnvelope,
  type ReminderChannel,
  type ReminderEvent,
} from '@hotline/contracts';
import { commandEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { loadCaseFacts } from '../case-facts/case-facts';
import type { ReminderNotice } from './notification-sender';
import { reminderAggregate } from './reminder.aggregate';

/** Reminder commands, one place for the bus endpoints and the delivery worker. */
export class ReminderCommands {
  constructor(
    private readonly deps: CommandHandlerDeps,
    private readonly channels: readonly ReminderChannel[],
    private readonly maxAttempts: number,
  ) {}

  execute(command: CommandEnvelope<{ reminderId: string; caseId?: string }>): Promise<CommandResult> {
    const caseId = command.data.caseId;
    return handleCommand(this.deps, {
      aggregate: reminderAggregate,
      id: command.data.reminderId,
      command,
      context: async () => ({
        case: caseId !== undefined ? await loadCaseFacts(this.deps.store, caseId) : undefined,
        channels: this.channels,
        maxAttempts: this.maxAttempts,
      }),
    });
  }

  /** What the reminder said when it was sent, for a channel's next attempt. */
  async sentNotice(reminderId: string): Promise<ReminderNotice | undefined> {
    const events = await this.deps.store.readStreamOrEmpty(reminderAggregate.streamId(reminderId));
    const sent = events
      .map((e) => reminderAggregate.domainEvent(e))
      .find((e): e is Extract<ReminderEvent, { type: 'ReminderSent' }> => e.type === 'ReminderSent');
    if (!sent) return undefined;
    const { caseId, unitId, dueAt, note, emergency } = sent.data;
    return { reminderId, caseId, unitId, dueAt, note, ...(emergency ? { emergency } : {}) };
  }
}

export const reminderEndpoints = (commands: ReminderCommands): BusEndpoint[] =>
  reminderCommands.map((definition) => commandEndpoint(definition, (command) => commands.execute(command)));
