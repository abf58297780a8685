import type { ContactParty, RouterCommand } from '@hotline/contracts';
import type { Decision } from './decision';
import { routerViolation, RouterErrorCode as Code } from './router.errors';
import { agentOf, withAgent } from './router-lookups';
import { isOpenForOffers, sameParty, talkSeconds, type ContactRecord } from './router-records';
import { requeue } from './router-timers';

type Data<T extends RouterCommand['type']> = Extract<RouterCommand, { type: T }>['data'];

/** Besides the caller and the agent, a three-way call holds at most this many parties. */
const MAX_PARTIES = 3;

/**
 * Call control beyond answer and hang-up: transfer, consultation, three-way calls and the
 * supervisor's monitor / whisper / barge. The router records who is on a contact; the telephony
 * (the sipapp) moves the audio when it sees these events. A consulted agent or one in a three-way
 * call is busy (on contact) and offered nothing until they leave it.
 */
export function transfer(data: Data<'TransferContact'>, decision: Decision): void {
  const { state } = decision;
  const { contact } = withAgent(state, data.agentId, data.contactId);
  const target = data.target;
  if (contact.consulting !== undefined) {
    throw routerViolation(Code.ConsultInProgress, `contact ${contact.contactId} is in a consultation`);
  }
  if (target.kind === 'queue' && !state.queues.has(target.queueId)) {
    throw routerViolation(Code.UnknownQueue, `target.queueId: queue ${target.queueId} is not defined`);
  }
  if (target.kind === 'agent') availableParty(decision, contact, target.agentId, 'target.agentId');
  moveContact(decision, contact, data.agentId, target);
  if (target.kind === 'queue') requeue(decision, contact, target.queueId);
  if (target.kind === 'agent') {
    // Offered to the named agent at once; declined or missed, it waits in its queue like any other.
    const queue = state.queues.get(contact.queueId)!;
    requeue(decision, contact, contact.queueId);
    decision.emit('ContactOffered', {
      contactId: contact.contactId,
      queueId: contact.queueId,
      agentIds: [target.agentId],
      mode: 'inbound',
      expiresAt: new Date(decision.now + queue.config.offerTimeoutSeconds * 1000).toISOString(),
    });
  }
}

export function consult(data: Data<'ConsultParty'>, decision: Decision): void {
  const { contact } = withAgent(decision.state, data.agentId, data.contactId);
  if (contact.consulting !== undefined) {
    throw routerViolation(Code.ConsultInProgress, `contact ${contact.contactId} is in a consultation`);
  }
  joinable(decision, contact, data.party);
  if (contact.heldSince === undefined) {
    decision.emit('ContactHeld', { contactId: contact.contactId, agentId: data.agentId });
  }
  decision.emit('ConsultationStarted', {
    contactId: contact.contactId,
    agentId: data.agentId,
    party: data.party,
  });
}

export function endConsultation(data: Data<'EndConsultation'>, decision: Decision): void {
  const { contact } = withAgent(decision.state, data.agentId, data.contactId);
  const party = contact.consulting;
  if (party === undefined) {
    throw routerViolation(Code.NotConsulting, `contact ${contact.contactId} is not in a consultation`);
  }
  const base = { contactId: contact.contactId, agentId: data.agentId };
  decision.emit('ConsultationEnded', { ...base, party, outcome: data.outcome });
  if (data.outcome === 'transfer') {
    const target =
      party.kind === 'agent'
        ? ({ kind: 'agent', agentId: party.agentId } as const)
        : ({
            kind: 'number',
            number: party.number,
            // The unit and the case go with the caller, as they went with the consultation.
            ...(party.label !== undefined ? { label: party.label } : {}),
            ...(party.unitId !== undefined ? { unitId: party.unitId } : {}),
            ...(party.case !== undefined ? { case: party.case } : {}),
          } as const);
    moveContact(decision, decision.state.contacts.get(contact.contactId)!, data.agentId, target);
    if (party.kind === 'agent') {
      // The consulted agent already speaks with the caller: they take the contact, no offer to ring.
      requeue(decision, contact, contact.queueId);
      decision.emit('OfferAccepted', {
        contactId: contact.contactId,
        queueId: contact.queueId,
        agentId: party.agentId,
        waitedSeconds: 0,
      });
    }
    return;
  }
  if (data.outcome === 'conference') decision.emit('ConferencePartyJoined', { ...base, party });
  decision.emit('ContactResumed', base);
}

export function addConferenceParty(data: Data<'AddConferenceParty'>, decision: Decision): void {
  const { contact } = withAgent(decision.state, data.agentId, data.contactId);
  if (contact.consulting !== undefined) {
    throw routerViolation(Code.ConsultInProgress, `contact ${contact.contactId} is in a consultation`);
  }
  if ((contact.parties ?? []).length >= MAX_PARTIES) {
    throw routerViolation(Code.ConferenceFull, `contact ${contact.contactId} has ${MAX_PARTIES} parties`);
  }
  joinable(decision, contact, data.party);
  decision.emit('ConferencePartyJoined', {
    contactId: contact.contactId,
    agentId: data.agentId,
    party: data.party,
  });
}

export function removeConferenceParty(data: Data<'RemoveConferenceParty'>, decision: Decision): void {
  const { contact } = withAgent(decision.state, data.agentId, data.contactId);
  const party = (contact.parties ?? []).find((p) => sameParty(p, data.party));
  if (!party) throw routerViolation(Code.NotAParty, `party: not in contact ${contact.contactId}`);
  decision.emit('ConferencePartyLeft', { contactId: contact.contactId, agentId: data.agentId, party });
}

export function supervise(data: Data<'SuperviseContact'>, decision: Decision): void {
  const contact = connected(decision, data.contactId);
  const current = contact.supervisor;
  if (current !== undefined && current.supervisorId !== data.supervisorId) {
    throw routerViolation(
      Code.SupervisedByAnother,
      `contact ${contact.contactId} is supervised by ${current.supervisorId}`,
      { supervisorId: current.supervisorId },
    );
  }
  if (data.supervisorId === contact.agentId) {
    throw routerViolation(Code.PartyUnavailable, `supervisorId: ${data.supervisorId} is the contact's agent`);
  }
  if (current?.mode === data.mode) return;
  decision.emit('SupervisionStarted', {
    contactId: contact.contactId,
    agentId: contact.agentId!,
    supervisorId: data.supervisorId,
    mode: data.mode,
  });
}

export function stopSupervising(data: Data<'StopSupervising'>, decision: Decision): void {
  const contact = connected(decision, data.contactId);
  if (contact.supervisor?.supervisorId !== data.supervisorId) {
    throw routerViolation(
      Code.NotSupervising,
      `supervisorId: ${data.supervisorId} is not on contact ${contact.contactId}`,
    );
  }
  decision.emit('SupervisionEnded', {
    contactId: contact.contactId,
    agentId: contact.agentId!,
    supervisorId: data.supervisorId,
  });
}

/**
 * Everyone besides the caller and the agent leaves when the contact ends or moves on: each as its
 * own event, so the telephony drops each leg it bridged.
 */
export function releaseParties(decision: Decision, contact: ContactRecord): void {
  const base = { contactId: contact.contactId, agentId: contact.agentId! };
  if (contact.consulting !== undefined) {
    decision.emit('ConsultationEnded', { ...base, party: contact.consulting, outcome: 'contact-ended' });
  }
  for (const party of contact.parties ?? []) decision.emit('ConferencePartyLeft', { ...base, party });
  if (contact.supervisor !== undefined) {
    decision.emit('SupervisionEnded', { ...base, supervisorId: contact.supervisor.supervisorId });
  }
}

/** The contact leaves the agent (after every other party left it). */
function moveContact(
  decision: Decision,
  contact: ContactRecord,
  agentId: string,
  target: Data<'TransferContact'>['target'],
): void {
  releaseParties(decision, contact);
  decision.emit('ContactTransferred', {
    contactId: contact.contactId,
    agentId,
    queueId: contact.queueId,
    target,
    talkSeconds: talkSeconds(contact, decision.now),
  });
}

function joinable(decision: Decision, contact: ContactRecord, party: ContactParty): void {
  if ((contact.parties ?? []).some((p) => sameParty(p, party))) {
    throw routerViolation(Code.AlreadyAParty, `party: already in contact ${contact.contactId}`);
  }
  if (party.kind === 'agent') availableParty(decision, contact, party.agentId, 'party.agentId');
}

/** An agent who can join a contact now: logged in, not the contact's own, with no call, offer or party. */
function availableParty(decision: Decision, contact: ContactRecord, agentId: string, field: string): void {
  const agent = agentOf(decision.state, agentId);
  const busy =
    agent.agentId === contact.agentId ||
    !agent.loggedIn ||
    agent.offer !== undefined ||
    agent.engagedIn !== undefined ||
    agent.contacts.some((held) => held.channel === 'voice' || contact.channel === 'voice');
  const ready = field === 'target.agentId' ? isOpenForOffers(agent) : true;
  if (busy || !ready) {
    throw routerViolation(Code.PartyUnavailable, `${field}: agent ${agentId} is ${agent.state}`, {
      field,
      state: agent.state,
    });
  }
}

function connected(decision: Decision, contactId: string): ContactRecord {
  const contact = decision.state.contacts.get(contactId);
  if (!contact || contact.status !== 'connected') {
    throw routerViolation(Code.NotWithAgent, `contactId: contact ${contactId} is not with an agent`, {
      field: 'contactId',
    });
  }
  return contact;
}
