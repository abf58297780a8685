import type { AccountDocument } from '../auth/account/accounts.projection';
import { stringsUnder } from '../strings-under';

/** Keys under which router answers name an agent (the supervisor on a call is one too). */
const AGENT_KEY = /^(agentId|supervisorId)$/;

/** Every agent id a router answer names, however deep (`contacts[].parties[].agentId`, …). */
export const agentIdsIn = (data: unknown): Set<string> => stringsUnder(data, AGENT_KEY);

/**
 * Seats by the display names of their accounts: the router knows an agent by actor id
 * (`user:<username>`), people know them by name. An id with no account here (an OIDC user, a
 * deleted account) is left out, and the screen shows the account name.
 */
export class SeatNames {
  constructor(
    private readonly accounts: { list(filter: Record<string, unknown>): Promise<AccountDocument[]> },
  ) {}

  async of(agentIds: Iterable<string>): Promise<Record<string, string>> {
    const usernames = [...new Set(agentIds)]
      .filter((id) => id.startsWith('user:'))
      .map((id) => id.slice('user:'.length));
    if (usernames.length === 0) return {};
    const found = await this.accounts.list({ _id: { $in: usernames } });
    return Object.fromEntries(found.map((account) => [`user:${account.username}`, account.displayName]));
  }
}
