import { randomUUID } from 'node:crypto';
import { type AccountCommand, type Actor, type ApiTokenCommand, type DistrictId } from '@hotline/contracts';
import {
  handleCommand,
  parseCommandOf,
  type CommandHandlerDeps,
  type CommandResult,
} from '@hotline/infra/command';
import { ProjectionRunner, waitForCheckpoint, type ProjectionSource } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { apiTokenAggregate } from '../api-token/api-token.aggregate';
import { accountAggregate } from './account.aggregate';
import type { LockoutPolicy } from './account.decider';
import type { AccountState } from './account.state';
import {
  AuthCollection,
  accountsProjection,
  type AccountDocument,
  type ApiTokenDocument,
} from './accounts.projection';

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
      aggregate: accountAggregate,
      id: command.data.username,
      command: parseCommandOf(accountAggregate.commands, this.envelope(command, origin)),
      context: { lockout: this.deps.lockout },
    });
    if (options.waitForReadModel !== false) await this.waitFor(result.position);
    return result;
  }

  async executeToken(command: ApiTokenCommand, origin: CommandOrigin): Promise<CommandResult> {
    const result = await handleCommand(this.deps.commandDeps, {
      aggregate: apiTokenAggregate,
      id: command.data.tokenId,
      command: parseCommandOf(apiTokenAggregate.commands, this.envelope(command, origin)),
    });
    await this.waitFor(result.position);
    return result;
  }

  /** The account as its stream says (the truth for sign-in: lockout, password hash). */
  async load(username: string): Promise<AccountState> {
    return (await accountAggregate.load(this.deps.commandDeps.store, username)).state;
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

  /** The tokens as the API shows them: named by `tokenId` (the read store's `_id` stays inside). */
  async listTokens(
    filter: Record<string, unknown>,
  ): Promise<Array<Omit<ApiTokenDocument, '_id'> & { tokenId: string }>> {
    const tokens = await this.deps.readStore
      .collection<ApiTokenDocument>(AuthCollection.apiTokens)
      .find(filter, { sort: { issuedAt: -1 }, limit: 1000, projection: { tokenHash: 0, _pos: 0 } });
    return tokens.map(({ _id, ...token }) => ({ tokenId: _id, ...token }));
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

  private waitFor(position: number): Promise<void> {
    return waitForCheckpoint(
      this.runner,
      position,
      this.deps.readAfterWriteTimeoutMs,
      'the accounts read model',
    );
  }
}
