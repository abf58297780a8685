import { GetRoutingSettings, type AgentProfile } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';

/** What the sipapp needs of an agent to ring them: their phone and the number the caller hears. */
export interface AgentPhone {
  uri: string;
  workNumber: string;
}

/**
 * The agents' phones from their routing profiles: read once from routing (`GetRoutingSettings`),
 * then kept current from the `AgentProfileSet` events the offers' follower sees. An agent not known
 * yet (a profile set before the read and missed by it cannot be) is read again once.
 */
export class AgentPhones {
  private readonly phones = new Map<string, AgentPhone | undefined>();
  private loaded: Promise<void> | undefined;

  constructor(private readonly bus: BusRequests) {}

  /** The profile as set now: a later event wins over the first read. */
  apply(profile: AgentProfile): void {
    this.phones.set(profile.agentId, phoneOf(profile));
  }

  async of(agentId: string): Promise<AgentPhone | undefined> {
    if (!this.phones.has(agentId)) {
      this.loaded = undefined; // unknown: read the profiles again
      await this.load();
    }
    return this.phones.get(agentId);
  }

  private load(): Promise<void> {
    this.loaded ??= this.bus
      .query<{ agents: AgentProfile[] }>(GetRoutingSettings, {}, 'sipapp-agent-phones')
      .then(({ agents }) => {
        for (const profile of agents) if (!this.phones.has(profile.agentId)) this.apply(profile);
      })
      .catch((error: unknown) => {
        this.loaded = undefined; // routing away: the next offer asks again
        throw error;
      });
    return this.loaded;
  }
}

const phoneOf = (profile: AgentProfile): AgentPhone | undefined =>
  profile.sipAddress === undefined
    ? undefined
    : { uri: profile.sipAddress, workNumber: profile.workNumber ?? '' };
