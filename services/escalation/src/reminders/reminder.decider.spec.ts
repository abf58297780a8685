import type { Actor } from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import { deciderSpec } from '@hotline/infra/command/testing';
import type { CaseFacts } from '../case-facts/case-facts';
import { reminderDecider, type ReminderContext } from './reminder.decider';
import { ReminderError } from './reminder.errors';

const center: Actor = { id: 'center-1', role: 'center' };
const system: Actor = { id: 'system:escalation-reminder-delivery', role: 'system' };
const facts: CaseFacts = {
  caseId: 'c1',
  caseNumber: '26110300',
  districtId: 'gulou',
  unitId: 'housing',
  involvedUnitIds: ['housing'],
  dueAt: '2026-11-05T04:00:00.000Z',
  finished: false,
  returns: 0,
  repeatContacts: 0,
  urgent: false,
  categoryCode: undefined,
  content: undefined,
  address: undefined,
  registeredAt: undefined,
};
const context = (actor: Actor = center): DecideContext & ReminderContext => ({
  now: new Date('2026-11-03T02:00:00Z'),
  actor,
  districtId: 'city',
  commandId: 'cmd-1',
  case: facts,
  channels: ['portal', 'sms'],
  maxAttempts: 2,
});
const send = { type: 'SendReminder' as const, data: { reminderId: 'r1', caseId: 'c1', note: '请尽快签收' } };
const sent = {
  type: 'ReminderSent' as const,
  data: {
    reminderId: 'r1',
    caseId: 'c1',
    caseNumber: '26110300',
    unitId: 'housing',
    automatic: false,
    channels: ['portal' as const, 'sms' as const],
    note: '请尽快签收',
    dueAt: facts.dueAt!,
  },
};
const portal = {
  type: 'ReminderDeliveryAttempted' as const,
  data: {
    reminderId: 'r1',
    unitId: 'housing',
    channel: 'portal' as const,
    attempt: 1,
    outcome: 'delivered' as const,
  },
};

describe('a reminder (催办)', () => {
  const spec = deciderSpec(reminderDecider, () => context());

  it('goes to the unit holding the case, delivered on the portal at once', () => {
    spec.given([]).when(send).then([sent, portal]);
    spec.given([sent, portal]).when(send).then([]);
  });

  it('texts and calls the duty phone for an emergency, whatever the city configured', () => {
    spec
      .given([])
      .when({ ...send, data: { ...send.data, emergency: true } })
      .then([
        { ...sent, data: { ...sent.data, channels: ['portal', 'sms', 'voice'], emergency: true } },
        portal,
      ]);
  });

  it("settles a requested call by the telephony's outcome, once: answered delivered, not answered retried", () => {
    const system = deciderSpec(reminderDecider, () => ({
      ...context({ id: 'system:escalation-reminder-delivery', role: 'system' }),
      channels: ['portal' as const, 'voice' as const],
    }));
    const voiceSent = { ...sent, data: { ...sent.data, channels: ['portal' as const, 'voice' as const] } };
    const attempt = (n: number, outcome: 'delivered' | 'requested' | 'failed') => ({
      type: 'ReminderDeliveryAttempted' as const,
      data: { reminderId: 'r1', unitId: 'housing', channel: 'voice' as const, attempt: n, outcome },
    });
    const record = (n: number, outcome: 'delivered' | 'requested' | 'failed') => ({
      type: 'RecordReminderDelivery' as const,
      data: { reminderId: 'r1', channel: 'voice' as const, attempt: n, outcome },
    });
    const requested = [voiceSent, portal, attempt(1, 'requested')];
    system
      .given(requested)
      .when(record(1, 'delivered'))
      .then([attempt(1, 'delivered')]);
    system
      .given([...requested, attempt(1, 'delivered')])
      .when(record(1, 'delivered'))
      .then([]);
    system
      .given(requested)
      .when(record(1, 'failed'))
      .then([attempt(1, 'failed')]);
    // The last attempt not answered: undelivered.
    system
      .given([...requested, attempt(1, 'failed'), attempt(2, 'requested')])
      .when(record(2, 'failed'))
      .then([
        attempt(2, 'failed'),
        {
          type: 'ReminderUndelivered',
          data: { reminderId: 'r1', unitId: 'housing', channel: 'voice', attempts: 2, error: 'failed' },
        },
      ]);
  });

  it('is refused on a closed case, and on a case not yet with a unit', () => {
    spec
      .given([])
      .when(send, { case: { ...facts, finished: true } })
      .thenRejects(ReminderError.CaseClosed);
    spec
      .given([])
      .when(send, { case: { ...facts, unitId: undefined } })
      .thenRejects(ReminderError.CaseNotDispatched);
  });

  it('shows a channel undelivered after its last failed attempt, never before, and records each attempt once', () => {
    const delivery = deciderSpec(reminderDecider, () => context(system));
    const failed = (attempt: number) => ({
      type: 'RecordReminderDelivery' as const,
      data: {
        reminderId: 'r1',
        channel: 'sms' as const,
        attempt,
        outcome: 'failed' as const,
        error: 'SMSC down',
      },
    });
    const attempted = (attempt: number) => ({
      type: 'ReminderDeliveryAttempted' as const,
      data: {
        reminderId: 'r1',
        unitId: 'housing',
        channel: 'sms' as const,
        attempt,
        outcome: 'failed' as const,
        error: 'SMSC down',
      },
    });
    delivery
      .given([sent, portal])
      .when(failed(1))
      .then([attempted(1)]);
    delivery
      .given([sent, portal, attempted(1)])
      .when(failed(1))
      .then([]);
    delivery
      .given([sent, portal, attempted(1)])
      .when(failed(2))
      .then([
        attempted(2),
        {
          type: 'ReminderUndelivered',
          data: { reminderId: 'r1', unitId: 'housing', channel: 'sms', attempts: 2, error: 'SMSC down' },
        },
      ]);
  });
});
