import type { ContactChannel, ContactOutcome, QuarantineReason } from '@hotline/contracts';
import { counter } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';

/** What intake counts, for dashboards and alarms (a flood, a channel refusing input, the workflow failing). */
export class IntakeMetrics {
  private readonly contacts;
  private readonly outcomes;
  private readonly quarantines;
  private readonly refusals;
  private readonly workflowFailures;

  constructor(registry: Registry) {
    this.contacts = counter(registry, {
      name: 'hotline_intake_contacts_total',
      help: 'Contacts recorded, by channel',
      labelNames: ['channel'],
    });
    this.outcomes = counter(registry, {
      name: 'hotline_intake_outcomes_total',
      help: 'Contacts disposed of by the platform at intake, by channel and outcome',
      labelNames: ['channel', 'outcome'],
    });
    this.quarantines = counter(registry, {
      name: 'hotline_intake_quarantined_total',
      help: 'Contacts recorded but quarantined, by channel and reason',
      labelNames: ['channel', 'reason'],
    });
    this.refusals = counter(registry, {
      name: 'hotline_intake_refused_total',
      help: 'Messages a channel refused before recording (malformed, bad signature, bad encoding), by channel and reason',
      labelNames: ['channel', 'reason'],
    });
    this.workflowFailures = counter(registry, {
      name: 'hotline_intake_workflow_failures_total',
      help: 'Workflow commands intake could not complete (the contact waits for an agent)',
      labelNames: ['command'],
    });
  }

  recorded(channel: ContactChannel): void {
    this.contacts.inc({ channel });
  }

  concluded(channel: ContactChannel, outcome: ContactOutcome): void {
    this.outcomes.inc({ channel, outcome });
  }

  quarantined(channel: ContactChannel, reason: QuarantineReason): void {
    this.quarantines.inc({ channel, reason });
  }

  refused(channel: ContactChannel, reason: string): void {
    this.refusals.inc({ channel, reason });
  }

  workflowFailure(command: string): void {
    this.workflowFailures.inc({ command });
  }
}
