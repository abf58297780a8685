import { deciderSpec } from '@hotline/infra/command/testing';
import { TransferContact, type Actor } from '@hotline/contracts';
import { agentProfile, at, cmd, context, ev, readyAgents, stateChange } from '../testing/router-fixtures';
import { activeBulletins } from './router-bulletins';
import { routerDecider } from './router.decider';

const spec = deciderSpec(routerDecider, () => context(10));
const unit = { kind: 'number', number: '05718888000', label: '住建局' } as const;
const a2 = { kind: 'agent', agentId: 'a2' } as const;

/** a1 talks with c1 since second 1 (answered within the queue general); a2 is ready. */
const talking = [
  ...readyAgents(['a1', 'a2']),
  ev('AgentWentReady', { agentId: 'a2' }),
  ev('ContactQueued', {
    contactId: 'c1',
    queueId: 'general',
    channel: 'voice',
    priority: 0,
    requiredSkills: [],
    callerNumber: '13800000001',
  }),
  ev('ContactOffered', {
    contactId: 'c1',
    queueId: 'general',
    agentIds: ['a1'],
    mode: 'inbound',
    expiresAt: at(20),
  }),
  ev('OfferAccepted', { contactId: 'c1', queueId: 'general', agentId: 'a1', waitedSeconds: 0 }, 1),
];
const consulting = [
  ...talking,
  ev('ContactHeld', { contactId: 'c1', agentId: 'a1' }, 4),
  ev('ConsultationStarted', { contactId: 'c1', agentId: 'a1', party: a2 }, 4),
];
const person = (id: string, gatewayRole: string): Actor => ({ id, role: 'agent', gatewayRole });

describe('router decider: consultation, three-way calls, transfer to an agent', () => {
  it('holds the caller and makes the consulted agent busy', () => {
    spec
      .given(talking)
      .when(cmd('ConsultParty', { agentId: 'a1', contactId: 'c1', party: a2 }))
      .then([
        ev('ContactHeld', { contactId: 'c1', agentId: 'a1' }, 10),
        stateChange('a1', 'on-contact', 'held', 10),
        ev('ConsultationStarted', { contactId: 'c1', agentId: 'a1', party: a2 }, 10),
        stateChange('a2', 'ready', 'on-contact', 10),
      ]);
  });

  it('hands the caller to the consulted agent without ringing them again', () => {
    spec
      .given(consulting)
      .when(cmd('EndConsultation', { agentId: 'a1', contactId: 'c1', outcome: 'transfer' }))
      .then([
        ev('ConsultationEnded', { contactId: 'c1', agentId: 'a1', party: a2, outcome: 'transfer' }, 10),
        stateChange('a2', 'on-contact', 'ready', 10),
        ev(
          'ContactTransferred',
          { contactId: 'c1', agentId: 'a1', queueId: 'general', target: a2, talkSeconds: 3 },
          10,
        ),
        stateChange('a1', 'held', 'ready', 10),
        ev(
          'ContactQueued',
          {
            contactId: 'c1',
            queueId: 'general',
            channel: 'voice',
            priority: 0,
            requiredSkills: [],
            callerNumber: '13800000001',
            fromQueueId: 'general',
          },
          10,
        ),
        ev('OfferAccepted', { contactId: 'c1', queueId: 'general', agentId: 'a2', waitedSeconds: 0 }, 10),
        stateChange('a2', 'ready', 'on-contact', 10),
      ]);
  });

  it('brings the consulted agent into a three-way call and takes the caller off hold', () => {
    spec
      .given(consulting)
      .when(cmd('EndConsultation', { agentId: 'a1', contactId: 'c1', outcome: 'conference' }))
      .then([
        ev('ConsultationEnded', { contactId: 'c1', agentId: 'a1', party: a2, outcome: 'conference' }, 10),
        ev('ConferencePartyJoined', { contactId: 'c1', agentId: 'a1', party: a2 }, 10),
        ev('ContactResumed', { contactId: 'c1', agentId: 'a1' }, 10),
        stateChange('a1', 'held', 'on-contact', 10),
      ]);
  });

  it("ends every party's leg before the contact ends", () => {
    spec
      .given([...talking, ev('ConferencePartyJoined', { contactId: 'c1', agentId: 'a1', party: unit }, 2)])
      .when(cmd('EndContact', { agentId: 'a1', contactId: 'c1' }))
      .then([
        ev('ConferencePartyLeft', { contactId: 'c1', agentId: 'a1', party: unit }, 10),
        ev(
          'ContactEnded',
          {
            contactId: 'c1',
            agentId: 'a1',
            queueId: 'general',
            channel: 'voice',
            talkSeconds: 9,
            holdSeconds: 0,
          },
          10,
        ),
        stateChange('a1', 'on-contact', 'ready', 10),
      ]);
  });

  it('refuses to consult an agent who is on a call, naming the field and their state', () => {
    spec
      .given([
        ...talking,
        ev('AgentProfileSet', { profile: agentProfile('a3') }),
        ev('AgentLoggedIn', { agentId: 'a3' }),
      ])
      .when(cmd('ConsultParty', { agentId: 'a1', contactId: 'c1', party: { kind: 'agent', agentId: 'a1' } }))
      .thenRejects('ROUTER_PARTY_UNAVAILABLE', /party.agentId: agent a1 is on-contact/);
  });

  it('offers a blind transfer to the named ready agent', () => {
    spec
      .given(talking)
      .when(cmd('TransferContact', { agentId: 'a1', contactId: 'c1', target: a2 }))
      .then([
        ev(
          'ContactTransferred',
          { contactId: 'c1', agentId: 'a1', queueId: 'general', target: a2, talkSeconds: 9 },
          10,
        ),
        stateChange('a1', 'on-contact', 'ready', 10),
        ev(
          'ContactQueued',
          {
            contactId: 'c1',
            queueId: 'general',
            channel: 'voice',
            priority: 0,
            requiredSkills: [],
            callerNumber: '13800000001',
            fromQueueId: 'general',
          },
          10,
        ),
        ev(
          'ContactOffered',
          { contactId: 'c1', queueId: 'general', agentIds: ['a2'], mode: 'inbound', expiresAt: at(30) },
          10,
        ),
        stateChange('a2', 'ready', 'reserved', 10),
      ]);
  });

  it("transfers to a unit's duty phone with the case, and the agent is free", () => {
    const target = {
      kind: 'number',
      number: '05918888000',
      label: '鼓楼区水务局',
      unitId: 'unit-water',
      case: { caseNumber: '26000010', summary: '小区停水三天' },
    } as const;
    spec
      .given(talking)
      .when(cmd('TransferContact', { agentId: 'a1', contactId: 'c1', target }))
      .then([
        ev(
          'ContactTransferred',
          { contactId: 'c1', agentId: 'a1', queueId: 'general', target, talkSeconds: 9 },
          10,
        ),
        stateChange('a1', 'on-contact', 'ready', 10),
      ]);
  });

  it('hands the caller to the consulted unit with the case the consultation carried', () => {
    const party = { ...unit, unitId: 'unit-housing', case: { caseNumber: '26000010' } } as const;
    spec
      .given([
        ...talking,
        ev('ContactHeld', { contactId: 'c1', agentId: 'a1' }, 4),
        ev('ConsultationStarted', { contactId: 'c1', agentId: 'a1', party }, 4),
      ])
      .when(cmd('EndConsultation', { agentId: 'a1', contactId: 'c1', outcome: 'transfer' }))
      .then([
        ev('ConsultationEnded', { contactId: 'c1', agentId: 'a1', party, outcome: 'transfer' }, 10),
        ev(
          'ContactTransferred',
          { contactId: 'c1', agentId: 'a1', queueId: 'general', target: party, talkSeconds: 3 },
          10,
        ),
        stateChange('a1', 'held', 'ready', 10),
      ]);
  });

  it('refuses a transfer whose case number has a wrong check digit, naming the field', () => {
    const parsed = TransferContact.schema.safeParse({
      agentId: 'a1',
      contactId: 'c1',
      target: { kind: 'number', number: '05918888000', case: { caseNumber: '26000011' } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['target', 'case', 'caseNumber']);
  });

  it('refuses a blind transfer while a consultation is open', () => {
    spec
      .given(consulting)
      .when(
        cmd('TransferContact', {
          agentId: 'a1',
          contactId: 'c1',
          target: { kind: 'queue', queueId: 'general' },
        }),
      )
      .thenRejects('ROUTER_CONSULT_IN_PROGRESS');
  });
});

describe('router decider: the supervisor on a contact', () => {
  it('barges in, and changing the mode is announced again', () => {
    spec
      .given([
        ...talking,
        ev('SupervisionStarted', { contactId: 'c1', agentId: 'a1', supervisorId: 'sup', mode: 'monitor' }, 2),
      ])
      .when(cmd('SuperviseContact', { supervisorId: 'sup', contactId: 'c1', mode: 'barge' }))
      .then([
        ev('SupervisionStarted', { contactId: 'c1', agentId: 'a1', supervisorId: 'sup', mode: 'barge' }, 10),
      ]);
  });

  it('refuses a second supervisor on the same contact', () => {
    spec
      .given([
        ...talking,
        ev('SupervisionStarted', { contactId: 'c1', agentId: 'a1', supervisorId: 'sup', mode: 'monitor' }, 2),
      ])
      .when(cmd('SuperviseContact', { supervisorId: 'sup2', contactId: 'c1', mode: 'whisper' }))
      .thenRejects('ROUTER_SUPERVISED_BY_ANOTHER');
  });

  it('ends the supervision when the contact ends', () => {
    spec
      .given([
        ...talking,
        ev('SupervisionStarted', { contactId: 'c1', agentId: 'a1', supervisorId: 'sup', mode: 'whisper' }, 2),
      ])
      .when(cmd('EndContact', { agentId: 'a1', contactId: 'c1' }))
      .then([
        ev('SupervisionEnded', { contactId: 'c1', agentId: 'a1', supervisorId: 'sup' }, 10),
        ev(
          'ContactEnded',
          {
            contactId: 'c1',
            agentId: 'a1',
            queueId: 'general',
            channel: 'voice',
            talkSeconds: 9,
            holdSeconds: 0,
          },
          10,
        ),
        stateChange('a1', 'on-contact', 'ready', 10),
      ]);
  });
});

describe('router decider: roles', () => {
  it("refuses an agent acting on another agent's session, as forbidden", () => {
    spec
      .given(readyAgents(['a1', 'a2']))
      .when(cmd('MakeAgentNotReady', { agentId: 'a2', reason: 'break' }), { actor: person('a1', 'agent') })
      .thenRejects('ROUTER_NOT_OWN_SESSION', /agentId/);
  });

  it('lets a supervisor force any agent not ready', () => {
    spec
      .given(readyAgents(['a1']))
      .when(cmd('MakeAgentNotReady', { agentId: 'a1', reason: '班长强制' }), {
        actor: person('sup', 'supervisor'),
      })
      .then([
        ev('AgentWentNotReady', { agentId: 'a1', reason: '班长强制' }, 10),
        stateChange('a1', 'ready', 'not-ready', 10, '班长强制'),
      ]);
  });

  it.each([
    [
      'an agent posting a bulletin',
      'agent',
      cmd('PostBulletin', { bulletinId: 'b1', text: '停电', severity: 'info' }),
    ],
    ['a supervisor running the timers', 'supervisor', cmd('RunRouterTimers', {})],
    ['a center user ending after-contact work', 'center', cmd('EndAfterContactWork', { agentId: 'a1' })],
  ])('refuses %s', (_, role, command) => {
    spec
      .given(readyAgents(['a1']))
      .when(command, { actor: person('a1', role) })
      .thenRejects('ROUTER_ROLE_NOT_ALLOWED');
  });

  it('refuses a supervisor supervising under another id', () => {
    spec
      .given(talking)
      .when(cmd('SuperviseContact', { supervisorId: 'other', contactId: 'c1', mode: 'monitor' }), {
        actor: person('sup', 'supervisor'),
      })
      .thenRejects('ROUTER_NOT_OWN_SESSION', /supervisorId/);
  });
});

describe('router decider: bulletins', () => {
  const bulletin = {
    bulletinId: 'b1',
    text: '鼓楼区停电，预计18时恢复',
    severity: 'urgent',
    expiresAt: at(60),
  } as const;

  it('posts a bulletin, shown on the desks until it expires', () => {
    const events = routerDecider.decide(
      cmd('PostBulletin', bulletin),
      routerDecider.initialState(),
      context(10),
    );
    expect(events).toEqual([ev('BulletinPosted', { bulletin }, 10)]);
    const state = events.reduce(routerDecider.evolve, routerDecider.initialState());
    expect(activeBulletins(state, Date.parse(at(59))).map((b) => b.text)).toEqual([bulletin.text]);
    expect(activeBulletins(state, Date.parse(at(60)))).toEqual([]);
  });

  it('refuses a bulletin that expired already, naming the field', () => {
    spec
      .given([])
      .when(cmd('PostBulletin', { ...bulletin, expiresAt: at(5) }))
      .thenRejects('ROUTER_INVALID_BULLETIN', /expiresAt/);
  });

  it('withdraws a posted bulletin and refuses an unknown one', () => {
    spec
      .given([ev('BulletinPosted', { bulletin }, 1)])
      .when(cmd('WithdrawBulletin', { bulletinId: 'b1' }))
      .then([ev('BulletinWithdrawn', { bulletinId: 'b1' }, 10)]);
    spec
      .given([])
      .when(cmd('WithdrawBulletin', { bulletinId: 'b1' }))
      .thenRejects('ROUTER_UNKNOWN_BULLETIN');
  });
});
