import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  HotlineError,
  IssueApiToken,
  RevokeApiToken,
  accountCommands,
  type AccountCommand,
  type AccountEvent,
  type Actor,
  type ApiTokenCommand,
  type DistrictId,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { StreamNotFound } from '@hotline/infra/event-store';
import { ProjectionRunner, type ProjectionSource } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { apiTokenDecider } from '../api-token/api-token.decider';
import { accountDecider, type LockoutPolicy } from './account.decider';
import { accountStreamId, type AccountState } from './account.state';
import {
  AuthCollection,
  accountsProjection,
  type AccountDocument,
  type ApiTokenDocument,
} from './accounts.projection';

const commandSchema = (definitions: ReadonlyArray<{ type: string; schema: z.ZodType }>) =>
  z.union(definitions.map((d) => z.object({ type: z.literal(d.type), data: d.schema })));
const ACCOUNT_COMMAND = commandSchema(accountCommands) as unknown as z.ZodType<AccountCommand>;
const API_TOKEN_COMMAND = commandSchema([
  IssueApiToken,
  RevokeApiToken,
]) as unknown as z.ZodType<ApiTokenCommand>;

export interface AccountServiceDeps {
  commandDeps: CommandHandlerDeps;
  readStore: ReadStore;
  source: ProjectionSource;
  lockout: LockoutPolicy;
  readAfterWriteTimeoutMs: number;
  registry?: Registry;
  logger?: Logger;
}

/** Who sends a command and in which district: from the verified identity, or the platform itself. */
export interface CommandOrigin {
  actor: Actor;
  districtId: DistrictId;
  /** Client-chosen for admin requests; random for sign-in bookkeeping; derived for seeding. */
  commandId?: string;
}

const POLL_MS = 5;

/**
 * The gateway's accounts and API tokens: commands through the deciders onto their streams, the
 * authoritative state of one account (sign-in reads its stream), and the read model for lookups.
 * Every command waits until the read model has applied it, so the next request sees the change.
 */
export class AccountService {
  private readonly runner: ProjectionRunner;

  constructor(private readonly deps: AccountServiceDeps) {
    this.runner = new ProjectionRunner(accountsProjection(), {
      store: deps.readStore,
      source: deps.source,
      ...(deps.registry ? { registry: deps.registry } : {}),
      ...(deps.logger ? { logger: deps.logger } : {}),
    });
  }

  start(): Promise<void> {
    return this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  live(): boolean {
    return this.runner.status().state === 'live';
  }

  caughtUp(): Promise<void> {
    return this.runner.waitUntilCaughtUp();
  }

  /**
   * Handles an account command; unless told not to, waits until the read model has it (seeding
   * does not wait: in distributed mode the read model is fed by the relay, which may start later).
   */
  async execute(
    command: AccountCommand,
    origin: CommandOrigin,
    options: { waitForReadModel?: boolean } = {},
  ): Promise<CommandResult> {
    const result = await handleCommand(this.deps.commandDeps, {
      streamId: accountStreamId(command.data.username),
      decider: accountDecider,
      command: this.envelope(command, origin),
      eventVersions: () => 1,
      commandSchema: ACCOUNT_COMMAND,
      context: { lockout: this.deps.lockout },
    });
    if (options.waitForReadModel !== false) await this.waitFor(result.position);
    return result;
  }

  async executeToken(command: ApiTokenCommand, origin: CommandOrigin): Promise<CommandResult> {
    const result = await handleCommand(this.deps.commandDeps, {
      streamId: `apiToken-${command.data.tokenId}`,
      decider: apiTokenDecider,
      command: this.envelope(command, origin),
      eventVersions: () => 1,
      commandSchema: API_TOKEN_COMMAND,
    });
    await this.waitFor(result.position);
    return result;
  }

  /** The account as its stream says (the truth for sign-in: lockout, password hash). */
  async load(username: string): Promise<AccountState> {
    let state = accountDecider.initialState();
    try {
      const events = await this.deps.commandDeps.store.readStream(accountStreamId(username));
      for (const event of events) state = accountDecider.evolve(state, event as unknown as AccountEvent);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return state;
  }

  find(username: string): Promise<AccountDocument | null> {
    return this.deps.readStore
      .collection<AccountDocument>(AuthCollection.accounts)
      .findOne({ _id: username });
  }

  list(filter: Record<string, unknown>): Promise<AccountDocument[]> {
    return this.deps.readStore
      .collection<AccountDocument>(AuthCollection.accounts)
      .find(filter, { sort: { username: 1 }, limit: 1000, projection: { _pos: 0 } });
  }

  findToken(tokenId: string): Promise<ApiTokenDocument | null> {
    return this.deps.readStore
      .collection<ApiTokenDocument>(AuthCollection.apiTokens)
      .findOne({ _id: tokenId });
  }

  listTokens(filter: Record<string, unknown>): Promise<ApiTokenDocument[]> {
    return this.deps.readStore
      .collection<ApiTokenDocument>(AuthCollection.apiTokens)
      .find(filter, { sort: { issuedAt: -1 }, limit: 1000, projection: { tokenHash: 0, _pos: 0 } });
  }

  private envelope(command: AccountCommand | ApiTokenCommand, origin: CommandOrigin) {
    const commandId = origin.commandId ?? randomUUID();
    return {
      commandId,
      type: command.type,
      data: command.data,
      metadata: { correlationId: commandId, actor: origin.actor, districtId: origin.districtId },
    };
  }

  private async waitFor(position: number): Promise<void> {
    if (position === 0) return;
    const deadline = Date.now() + this.deps.readAfterWriteTimeoutMs;
    while (this.runner.status().checkpoint < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          'the accounts read model is behind; retry shortly',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
