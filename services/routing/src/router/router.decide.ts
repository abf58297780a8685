import type { DecideContext } from '@hotline/infra/command';
import type { RouterCommand, RouterEvent } from '@hotline/contracts';
import { Decision } from './decision';
import { authorize } from './router-access';
import { postBulletin, withdrawBulletin } from './router-bulletins';
import {
  addConferenceParty,
  consult,
  endConsultation,
  releaseParties,
  removeConferenceParty,
  stopSupervising,
  supervise,
  transfer,
} from './router-call-control';
import { routerViolation, RouterErrorCode as Code } from './router.errors';
import { agentOf, loggedIn, offerTo, queuedContact, withAgent } from './router-lookups';
import { settle } from './router-matching';
import { holdMs, talkSeconds } from './router-records';
import type { RouterState } from './router-state';
import { overflow, runTimers } from './router-timers';

/**
 * Every decision first applies what fell due (expired offers, ended after-contact work, overflows),
 * then the command, then offers waiting contacts to every eligible agent left. So after any
 * command no contact waits while an eligible agent is ready.
 */
export function decide(command: RouterCommand, state: RouterState, context: DecideContext): RouterEvent[] {
  authorize(command, context.actor);
  return state.trial(() => {
    const decision = new Decision(state, context.now.getTime());
    runTimers(decision);
    handle(command, decision);
    settle(decision);
    return decision.events;
  });
}

function handle(command: RouterCommand, decision: Decision): void {
  const { state } = decision;
  switch (command.type) {
    case 'DefineQueue': {
      const target = command.data.overflow;
      if (
        target?.kind === 'queue' &&
        (target.queueId === command.data.queueId || !state.queues.has(target.queueId))
      ) {
        throw routerViolation(
          Code.InvalidOverflow,
          `overflow.queueId: ${target.queueId} must be another defined queue`,
        );
      }
      return decision.emit('QueueDefined', { queue: command.data });
    }
    case 'SetAgentProfile': {
      const unknown = command.data.queues.find((membership) => !state.queues.has(membership.queueId));
      if (unknown)
        throw routerViolation(Code.UnknownQueue, `queues: queue ${unknown.queueId} is not defined`);
      return decision.emit('AgentProfileSet', { profile: command.data });
    }
    case 'SetRouterSettings':
      return decision.emit('RouterSettingsSet', { settings: command.data });
    case 'LogInAgent': {
      const agent = agentOf(state, command.data.agentId);
      if (agent.loggedIn)
        throw routerViolation(Code.AgentLoggedIn, `agent ${agent.agentId} is already logged in`);
      return decision.emit('AgentLoggedIn', { agentId: agent.agentId });
    }
    case 'LogOutAgent': {
      const agent = loggedIn(state, command.data.agentId);
      if (agent.contacts.length > 0 || agent.engagedIn !== undefined) {
        throw routerViolation(
          Code.AgentOnContact,
          `agent ${agent.agentId} is ${agent.state} and cannot log out`,
          {
            state: agent.state,
          },
        );
      }
      if (agent.offer !== undefined)
        decision.emit('OfferWithdrawn', { contactId: agent.offer, agentIds: [agent.agentId] });
      return decision.emit('AgentLoggedOut', { agentId: agent.agentId });
    }
    case 'MakeAgentReady': {
      const agent = loggedIn(state, command.data.agentId);
      if (!agent.ready) decision.emit('AgentWentReady', { agentId: agent.agentId });
      return;
    }
    case 'MakeAgentNotReady': {
      const agent = loggedIn(state, command.data.agentId);
      if (agent.ready || agent.notReadyReason !== command.data.reason) {
        decision.emit('AgentWentNotReady', { agentId: agent.agentId, reason: command.data.reason });
      }
      return;
    }
    case 'QueueContact':
      return queueContact(command.data, decision);
    case 'AbandonQueuedContact': {
      const contact = queuedContact(state, command.data.contactId);
      if (contact.status === 'offered') {
        decision.emit('OfferWithdrawn', { contactId: contact.contactId, agentIds: [...contact.offeredTo] });
      }
      return decision.emit('QueuedContactAbandoned', {
        contactId: contact.contactId,
        queueId: contact.queueId,
        waitedSeconds: decision.waitedSeconds(contact.queuedAt),
      });
    }
    case 'RequestCallback': {
      const contact = queuedContact(state, command.data.contactId);
      if (contact.channel !== 'voice') {
        throw routerViolation(Code.CallbackVoiceOnly, `contact ${contact.contactId} is a chat: no callback`);
      }
      if (contact.status !== 'waiting') {
        throw routerViolation(Code.ContactNotWaiting, `contact ${contact.contactId} is ${contact.status}`, {
          status: contact.status,
        });
      }
      return decision.emit('CallbackRequested', {
        contactId: contact.contactId,
        queueId: contact.queueId,
        callbackNumber: command.data.callbackNumber,
      });
    }
    case 'AcceptOffer': {
      const { agent, contact } = offerTo(state, command.data.agentId, command.data.contactId);
      decision.emit('OfferAccepted', {
        contactId: contact.contactId,
        queueId: contact.queueId,
        agentId: agent.agentId,
        waitedSeconds: decision.waitedSeconds(contact.queuedAt),
      });
      const others = contact.offeredTo.filter((id) => id !== agent.agentId);
      if (others.length > 0)
        decision.emit('OfferWithdrawn', { contactId: contact.contactId, agentIds: others });
      return;
    }
    case 'DeclineOffer': {
      const { agent, contact } = offerTo(state, command.data.agentId, command.data.contactId);
      return decision.emit('OfferDeclined', { contactId: contact.contactId, agentId: agent.agentId });
    }
    case 'HoldContact':
    case 'ResumeContact': {
      const { contact } = withAgent(state, command.data.agentId, command.data.contactId);
      const hold = command.type === 'HoldContact';
      if (hold === (contact.heldSince !== undefined)) {
        throw routerViolation(
          hold ? Code.AlreadyHeld : Code.NotHeld,
          `contact ${contact.contactId} is ${hold ? 'already' : 'not'} on hold`,
        );
      }
      return decision.emit(hold ? 'ContactHeld' : 'ContactResumed', {
        contactId: contact.contactId,
        agentId: command.data.agentId,
      });
    }
    case 'TransferContact':
      return transfer(command.data, decision);
    case 'ConsultParty':
      return consult(command.data, decision);
    case 'EndConsultation':
      return endConsultation(command.data, decision);
    case 'AddConferenceParty':
      return addConferenceParty(command.data, decision);
    case 'RemoveConferenceParty':
      return removeConferenceParty(command.data, decision);
    case 'SuperviseContact':
      return supervise(command.data, decision);
    case 'StopSupervising':
      return stopSupervising(command.data, decision);
    case 'PostBulletin':
      return postBulletin(command.data, decision);
    case 'WithdrawBulletin':
      return withdrawBulletin(command.data, decision);
    case 'EndContact': {
      const { contact } = withAgent(state, command.data.agentId, command.data.contactId);
      releaseParties(decision, contact);
      return decision.emit('ContactEnded', {
        contactId: contact.contactId,
        agentId: command.data.agentId,
        queueId: contact.queueId,
        channel: contact.channel,
        talkSeconds: talkSeconds(contact, decision.now),
        holdSeconds: holdMs(contact, decision.now) / 1000,
      });
    }
    case 'EndAfterContactWork': {
      const agent = loggedIn(state, command.data.agentId);
      if (agent.acwUntil === undefined) {
        throw routerViolation(Code.NotInAfterContactWork, `agent ${agent.agentId} is ${agent.state}`, {
          state: agent.state,
        });
      }
      return decision.emit('AfterContactWorkEnded', { agentId: agent.agentId, automatic: false });
    }
    case 'RunRouterTimers':
      return;
    default: {
      const unknown: never = command;
      throw new Error(`unknown router command ${(unknown as { type: string }).type}`);
    }
  }
}

function queueContact(
  data: Extract<RouterCommand, { type: 'QueueContact' }>['data'],
  decision: Decision,
): void {
  const { state, now } = decision;
  const queue = state.queues.get(data.queueId);
  if (!queue) throw routerViolation(Code.UnknownQueue, `queueId: queue ${data.queueId} is not defined`);
  if (state.contacts.has(data.contactId)) {
    throw routerViolation(Code.ContactInQueue, `contact ${data.contactId} is already in the router`);
  }
  const { config } = queue;
  const full = config.maxLength !== undefined && queue.waiting >= config.maxLength;
  const empty = config.noAgentMaxWaitSeconds === 0 && queue.loggedIn === 0;
  if ((full || empty) && config.overflow === undefined) {
    throw full
      ? routerViolation(Code.QueueFull, `queue ${config.queueId} holds its maximum of ${config.maxLength}`)
      : routerViolation(Code.NoAgentLoggedIn, `queue ${config.queueId} has no agent logged in`);
  }
  decision.emit('ContactQueued', {
    contactId: data.contactId,
    queueId: data.queueId,
    channel: data.channel,
    priority: priorityOf(state, config, data, now),
    ...(data.callerNumber !== undefined ? { callerNumber: data.callerNumber } : {}),
    requiredSkills: data.requiredSkills,
  });
  if (full || empty) {
    overflow(
      decision,
      state.contacts.get(data.contactId)!,
      full ? 'queue-full' : 'no-agent',
      config.overflow!,
    );
  }
}

function priorityOf(
  state: RouterState,
  queue: { urgentPriority: number; repeatCallerPriority: number },
  data: { urgent: boolean; callerNumber?: string | undefined },
  now: number,
): number {
  let priority = data.urgent ? queue.urgentPriority : 0;
  if (data.callerNumber !== undefined) {
    const last = state.lastCallFrom.get(data.callerNumber);
    if (last !== undefined && now - last <= state.settings.repeatCallerDays * 86_400_000) {
      priority += queue.repeatCallerPriority;
    }
    const listed = state.settings.priorityCallers.find((entry) => entry.number === data.callerNumber);
    if (listed) priority = Math.max(priority, listed.priority);
  }
  return Math.min(priority, 9);
}
