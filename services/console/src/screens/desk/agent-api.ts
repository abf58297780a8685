import type { AgentState, ContactParty, TransferTarget, UnitView } from '@hotline/contracts';
import { apiGet, apiPost, newCommandId } from '../../api/http';
import type { ChatMessage } from '../../components/chat-conversation';

export type { AgentState, ContactParty, TransferTarget };

export interface SessionBulletin {
  bulletinId: string;
  text: string;
  severity: 'info' | 'urgent';
  postedAt: string;
}

export interface SessionContact {
  contactId: string;
  channel: 'voice' | 'chat';
  held: boolean;
  queueId: string | null;
  callerNumber: string | null;
  answeredAt: string | null;
  consulting: ContactParty | null;
  parties: ContactParty[];
  supervisor: { supervisorId: string; mode: 'monitor' | 'whisper' | 'barge' } | null;
}

/** GET /api/routing/me: the signed-in agent's session as the router holds it. */
export interface AgentSession {
  agentId: string;
  state: AgentState;
  reason: string | null;
  since: string;
  offer: {
    contactId: string;
    queueId: string;
    channel: 'voice' | 'chat';
    mode: 'inbound' | 'callback';
    callerNumber: string | null;
    waitedSeconds: number;
    /** The contact's own skills (the dialect chosen in the IVR), shown by their names. */
    requiredSkills?: { skillId: string; minLevel: number }[];
    expiresAt: string | null;
  } | null;
  contacts: SessionContact[];
  afterContactWorkUntil: string | null;
  engagedIn: string | null;
  bulletins: SessionBulletin[];
  queues: { queueId: string; name: string }[];
  /** The reasons to offer when going not ready: the city's routing settings, or the default codes. */
  notReadyReasons: string[];
  /** Display names of the agents it names (consulted, in a three-way call, supervising). */
  names: Record<string, string>;
}

const send = (path: string, data: Record<string, unknown> = {}) =>
  apiPost<unknown>(`/api/routing/me/${path}`, { commandId: newCommandId(), ...data });

/** The agent's own session: the agent is the signed-in user, never named in the body. */
export const agentApi = {
  session: () => apiGet<AgentSession>('/api/routing/me'),
  logIn: () => send('log-in'),
  logOut: () => send('log-out'),
  ready: () => send('ready'),
  notReady: (reason: string) => send('not-ready', { reason }),
  accept: (contactId: string) => send('accept', { contactId }),
  decline: (contactId: string) => send('decline', { contactId }),
  hold: (contactId: string) => send('hold', { contactId }),
  resume: (contactId: string) => send('resume', { contactId }),
  end: (contactId: string) => send('end', { contactId }),
  endAfterContactWork: () => send('end-after-contact-work'),
  transfer: (contactId: string, target: TransferTarget) => send('transfer', { contactId, target }),
  consult: (contactId: string, party: ContactParty) => send('consult', { contactId, party }),
  endConsultation: (contactId: string, outcome: 'return' | 'conference' | 'transfer') =>
    send('end-consultation', { contactId, outcome }),
  conference: (contactId: string, party: ContactParty) => send('conference', { contactId, party }),
  leaveConference: (contactId: string, party: ContactParty) => send('conference/leave', { contactId, party }),
  chat: (contactId: string) =>
    apiGet<{ messages: ChatMessage[]; caseNumber?: string }>(
      `/api/routing/me/chats/${encodeURIComponent(contactId)}`,
    ),
  sendChat: (contactId: string, text: string) =>
    send(`chats/${encodeURIComponent(contactId)}/messages`, { text }),
};

/** An agent's account name from the actor id (`user:agent2` → `agent2`) and back. */
export const accountOf = (agentId: string): string => agentId.replace(/^user:/, '');
export const agentIdOf = (account: string): string => `user:${account.trim()}`;

/** mm:ss (or h:mm:ss) for a duration in seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const mmss = `${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss}` : mmss;
}

/** A handling unit's duty phone, for a transfer, consultation or three-way call with the unit. */
export interface DutyPhone {
  unitId: string;
  name: string;
  phone: string;
}

/** The active units with a duty phone in the unit catalogue, by name. */
export async function dutyPhones(): Promise<DutyPhone[]> {
  const units = await apiGet<UnitView[]>('/api/units', {});
  return units
    .filter((unit) => unit.active)
    .flatMap((unit) => {
      const duty = unit.contacts.find((contact) => contact.role === 'duty' && contact.phone);
      return duty?.phone ? [{ unitId: unit.unitId, name: unit.name, phone: duty.phone }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
