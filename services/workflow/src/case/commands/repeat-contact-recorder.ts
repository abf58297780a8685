import { ContactMergedIntoCase, RecordCaseRepeatContact } from '@hotline/contracts';
import type { ReactorSpec } from '@hotline/infra/reactor';
import type { CaseCommandService } from './case-command.service';

export const REPEAT_CONTACT_CONSUMER = 'workflow-repeat-contacts';

/**
 * The process manager that carries intake's repeat contacts onto the case: when intake merges a
 * contact into an open case (`ContactMergedIntoCase`, 并单), it sends `RecordCaseRepeatContact`, so
 * the case itself holds its repeat count (the escalation ladder reads it from the case's events).
 * Idempotent twice over: the command id derives from the event id, and the case counts a contact id
 * once. A case that refuses (unknown, another district) is logged, not retried.
 */
export const repeatContactRecorder = (commands: CaseCommandService): ReactorSpec => ({
  name: REPEAT_CONTACT_CONSUMER,
  events: [ContactMergedIntoCase],
  refusal: 'the case refused a repeat contact',
  react: async ({ event, command }) => {
    const { caseId, contactId, automatic } = event.data as {
      caseId: string;
      contactId: string;
      automatic: boolean;
    };
    await commands.execute(command(RecordCaseRepeatContact, 'repeat', { caseId, contactId, automatic }));
  },
});
