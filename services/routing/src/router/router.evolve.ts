import type { ContactParty, RouterEvent } from '@hotline/contracts';
import { agentStateOf, sameParty, type AgentRecord, type ContactRecord } from './router-records';
import type { RouterState } from './router-state';

const ms = (iso: string): number => Date.parse(iso);

/** Folds one event into the router's state (in place: see RouterState). */
export function evolve(state: RouterState, event: RouterEvent): RouterState {
  const at = ms(event.data.at);
  switch (event.type) {
    case 'QueueDefined': {
      const old = state.queues.get(event.data.queue.queueId);
      state.setQueue({ waiting: 0, loggedIn: 0, ...old, config: event.data.queue });
      return state;
    }
    case 'RouterSettingsSet':
      state.setSettings(event.data.settings);
      return state;
    case 'AgentProfileSet': {
      const old = state.agents.get(event.data.profile.agentId);
      setAgent(state, old ? { ...old, profile: event.data.profile } : newAgent(event.data.profile, at), at);
      return state;
    }
    case 'AgentLoggedIn':
      return changeAgent(state, event.data.agentId, at, (a) => ({
        ...a,
        loggedIn: true,
        ready: false,
        notReadyReason: undefined,
        idleSince: at,
        restUntil: at,
        missesInARow: 0,
        answered: 0,
        talkMs: 0,
      }));
    case 'AgentLoggedOut':
      return changeAgent(state, event.data.agentId, at, (a) => ({
        ...a,
        loggedIn: false,
        ready: false,
        notReadyReason: undefined,
        acwUntil: undefined,
        offer: undefined,
      }));
    case 'AgentWentReady':
      return changeAgent(state, event.data.agentId, at, (a) => ({
        ...a,
        ready: true,
        notReadyReason: undefined,
        missesInARow: 0,
        idleSince: a.ready ? a.idleSince : at,
      }));
    case 'AgentWentNotReady':
      return changeAgent(state, event.data.agentId, at, (a) => ({
        ...a,
        ready: false,
        notReadyReason: event.data.reason,
      }));
    case 'AgentStateChanged':
      return state; // derived from the events before it
    case 'ContactQueued': {
      const { contactId, queueId, channel, priority, requiredSkills, callerNumber } = event.data;
      state.setContact(contactId, {
        contactId,
        queueId,
        channel,
        priority,
        requiredSkills,
        queuedAt: at,
        entry: state.nextEntry(),
        status: 'waiting',
        callerNumber,
        callbackNumber: state.contacts.get(contactId)?.callbackNumber,
        offeredTo: [],
        excluded: [],
        holdMs: 0,
      });
      if (callerNumber !== undefined && event.data.fromQueueId === undefined)
        state.setLastCall(callerNumber, at);
      return state;
    }
    case 'ContactOffered': {
      const { contactId, agentIds } = event.data;
      changeContact(state, contactId, (c) => ({
        ...c,
        status: 'offered',
        offeredTo: agentIds,
        offerExpiresAt: ms(event.data.expiresAt),
      }));
      for (const agentId of agentIds) changeAgent(state, agentId, at, (a) => ({ ...a, offer: contactId }));
      state.updateQueue(event.data.queueId, (q) => ({ ...q, lastOffered: agentIds[0] }));
      return state;
    }
    case 'OfferAccepted': {
      const { contactId, agentId } = event.data;
      const contact = state.contacts.get(contactId);
      changeContact(state, contactId, (c) => ({
        ...c,
        status: 'connected',
        offeredTo: [],
        offerExpiresAt: undefined,
        agentId,
        answeredAt: at,
      }));
      return changeAgent(state, agentId, at, (a) => ({
        ...a,
        offer: undefined,
        contacts: [...a.contacts, { contactId, channel: contact?.channel ?? 'voice', held: false }],
        missesInARow: 0,
        answered: a.answered + 1,
      }));
    }
    case 'OfferDeclined':
    case 'OfferExpired': {
      const { contactId, agentId } = event.data;
      const settings = state.settings;
      const delay =
        event.type === 'OfferDeclined' ? settings.declineDelaySeconds : settings.noAnswerDelaySeconds;
      releaseOffer(state, contactId, [agentId], true);
      return changeAgent(state, agentId, at, (a) => ({
        ...a,
        offer: undefined,
        restUntil: at + delay * 1000,
        missesInARow: event.type === 'OfferExpired' ? event.data.missesInARow : a.missesInARow,
      }));
    }
    case 'OfferWithdrawn': {
      releaseOffer(state, event.data.contactId, event.data.agentIds, false);
      for (const agentId of event.data.agentIds) {
        changeAgent(state, agentId, at, (a) =>
          a.offer === event.data.contactId ? { ...a, offer: undefined } : a,
        );
      }
      return state;
    }
    case 'QueuedContactAbandoned':
      state.setContact(event.data.contactId, undefined);
      return state;
    case 'CallbackRequested':
      changeContact(state, event.data.contactId, (c) => ({
        ...c,
        callbackNumber: event.data.callbackNumber,
      }));
      return state;
    case 'ContactOverflowed':
      // A ContactQueued follows for a queue target and replaces the record.
      state.setContact(event.data.contactId, undefined);
      return state;
    case 'ContactHeld':
      changeContact(state, event.data.contactId, (c) => ({ ...c, heldSince: at }));
      return markHeld(state, event.data.agentId, event.data.contactId, true, at);
    case 'ContactResumed':
      changeContact(state, event.data.contactId, (c) => ({
        ...c,
        heldSince: undefined,
        holdMs: c.holdMs + (c.heldSince === undefined ? 0 : at - c.heldSince),
      }));
      return markHeld(state, event.data.agentId, event.data.contactId, false, at);
    case 'ContactTransferred':
    case 'ContactEnded': {
      const { contactId, agentId, queueId, talkSeconds } = event.data;
      state.setContact(contactId, undefined);
      const acw = state.queues.get(queueId)?.config.afterContactWorkSeconds ?? 0;
      return changeAgent(state, agentId, at, (a) => {
        const contacts = a.contacts.filter((held) => held.contactId !== contactId);
        const free = contacts.length === 0;
        return {
          ...a,
          contacts,
          talkMs: a.talkMs + talkSeconds * 1000,
          acwUntil: free && acw > 0 ? at + acw * 1000 : a.acwUntil,
          idleSince: free && acw === 0 ? at : a.idleSince,
          restUntil: free && acw === 0 ? at + state.settings.wrapUpDelaySeconds * 1000 : a.restUntil,
        };
      });
    }
    case 'ConsultationStarted':
      changeContact(state, event.data.contactId, (c) => ({ ...c, consulting: event.data.party }));
      return engage(state, event.data.party, event.data.contactId, at);
    case 'ConsultationEnded':
      changeContact(state, event.data.contactId, (c) => ({ ...c, consulting: undefined }));
      // Into a three-way call the consulted agent stays engaged (ConferencePartyJoined follows).
      return event.data.outcome === 'conference' ? state : engage(state, event.data.party, undefined, at);
    case 'ConferencePartyJoined':
      changeContact(state, event.data.contactId, (c) => ({
        ...c,
        parties: [...(c.parties ?? []), event.data.party],
      }));
      return engage(state, event.data.party, event.data.contactId, at);
    case 'ConferencePartyLeft':
      changeContact(state, event.data.contactId, (c) => ({
        ...c,
        parties: (c.parties ?? []).filter((p) => !sameParty(p, event.data.party)),
      }));
      return engage(state, event.data.party, undefined, at);
    case 'SupervisionStarted':
      changeContact(state, event.data.contactId, (c) => ({
        ...c,
        supervisor: { supervisorId: event.data.supervisorId, mode: event.data.mode },
      }));
      return state;
    case 'SupervisionEnded':
      changeContact(state, event.data.contactId, (c) => ({ ...c, supervisor: undefined }));
      return state;
    case 'BulletinPosted': {
      const { bulletin } = event.data;
      state.setBulletin(bulletin.bulletinId, {
        bulletin,
        postedAt: at,
        ...(bulletin.expiresAt !== undefined ? { until: ms(bulletin.expiresAt) } : {}),
      });
      return state;
    }
    case 'BulletinWithdrawn':
      state.setBulletin(event.data.bulletinId, undefined);
      return state;
    case 'AfterContactWorkEnded':
      return changeAgent(state, event.data.agentId, at, (a) => ({
        ...a,
        acwUntil: undefined,
        idleSince: at,
        restUntil: at + state.settings.wrapUpDelaySeconds * 1000,
      }));
    default: {
      const unknown: never = event;
      throw new Error(`unknown router event ${(unknown as { type: string }).type}`);
    }
  }
}

function newAgent(profile: AgentRecord['profile'], at: number): AgentRecord {
  return {
    agentId: profile.agentId,
    profile,
    loggedIn: false,
    ready: false,
    contacts: [],
    restUntil: at,
    idleSince: at,
    missesInARow: 0,
    answered: 0,
    talkMs: 0,
    state: 'logged-out',
    stateSince: at,
  };
}

/** Stores the agent with its visible state brought up to date (and its time in state kept). */
function setAgent(state: RouterState, agent: AgentRecord, at: number): void {
  const visible = agentStateOf(agent);
  state.setAgent(visible === agent.state ? agent : { ...agent, state: visible, stateSince: at });
}

function changeAgent(
  state: RouterState,
  agentId: string,
  at: number,
  change: (agent: AgentRecord) => AgentRecord,
): RouterState {
  const agent = state.agents.get(agentId);
  if (agent) setAgent(state, change(agent), at);
  return state;
}

/** A consulted or conferenced agent is busy while in another's contact; leaving it, they are idle again. */
function engage(
  state: RouterState,
  party: ContactParty,
  contactId: string | undefined,
  at: number,
): RouterState {
  if (party.kind !== 'agent') return state;
  return changeAgent(state, party.agentId, at, (a) => ({
    ...a,
    engagedIn: contactId,
    idleSince: contactId === undefined ? at : a.idleSince,
  }));
}

function markHeld(
  state: RouterState,
  agentId: string,
  contactId: string,
  held: boolean,
  at: number,
): RouterState {
  return changeAgent(state, agentId, at, (a) => ({
    ...a,
    contacts: a.contacts.map((c) => (c.contactId === contactId ? { ...c, held } : c)),
  }));
}

function changeContact(
  state: RouterState,
  contactId: string,
  change: (c: ContactRecord) => ContactRecord,
): void {
  const contact = state.contacts.get(contactId);
  if (contact) state.setContact(contactId, change(contact));
}

/** Takes agents off a contact's offer; with none left it waits again, keeping its place. */
function releaseOffer(
  state: RouterState,
  contactId: string,
  agentIds: readonly string[],
  exclude: boolean,
): void {
  changeContact(state, contactId, (c) => {
    if (c.status !== 'offered') return c;
    const offeredTo = c.offeredTo.filter((id) => !agentIds.includes(id));
    return {
      ...c,
      offeredTo,
      status: offeredTo.length > 0 ? 'offered' : 'waiting',
      offerExpiresAt: offeredTo.length > 0 ? c.offerExpiresAt : undefined,
      excluded: exclude ? [...c.excluded, ...agentIds] : c.excluded,
    };
  });
}
