import { routerViolation, RouterErrorCode as Code } from './router.errors';
import type { AgentRecord, ContactRecord } from './router-records';
import type { RouterState } from './router-state';

/** The records a command is about, or the refusal naming what is missing or in the wrong state. */
export function agentOf(state: RouterState, agentId: string): AgentRecord {
  const agent = state.agents.get(agentId);
  if (!agent) throw routerViolation(Code.UnknownAgent, `agentId: agent ${agentId} has no profile`);
  return agent;
}

export function loggedIn(state: RouterState, agentId: string): AgentRecord {
  const agent = agentOf(state, agentId);
  if (!agent.loggedIn)
    throw routerViolation(Code.AgentLoggedOut, `agent ${agentId} is logged out`, { state: agent.state });
  return agent;
}

export function queuedContact(state: RouterState, contactId: string): ContactRecord {
  const contact = state.contacts.get(contactId);
  if (!contact)
    throw routerViolation(Code.UnknownContact, `contactId: contact ${contactId} is not in the router`);
  if (contact.status === 'connected') {
    throw routerViolation(Code.ContactNotWaiting, `contact ${contactId} is already with an agent`, {
      status: contact.status,
    });
  }
  return contact;
}

export function offerTo(
  state: RouterState,
  agentId: string,
  contactId: string,
): { agent: AgentRecord; contact: ContactRecord } {
  const agent = agentOf(state, agentId);
  const contact = state.contacts.get(contactId);
  if (agent.offer !== contactId || !contact) {
    throw routerViolation(
      Code.NoOffer,
      `agent ${agentId} is ${agent.state} with no offer of contact ${contactId}`,
      {
        state: agent.state,
      },
    );
  }
  return { agent, contact };
}

export function withAgent(
  state: RouterState,
  agentId: string,
  contactId: string,
): { agent: AgentRecord; contact: ContactRecord } {
  const agent = agentOf(state, agentId);
  const contact = state.contacts.get(contactId);
  if (!contact || contact.agentId !== agentId || contact.status !== 'connected') {
    throw routerViolation(Code.NotWithAgent, `contact ${contactId} is not with agent ${agentId}`, {
      state: agent.state,
    });
  }
  return { agent, contact };
}
