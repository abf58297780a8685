import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ValidationError, type AccountCommand } from '@hotline/contracts';
import { Allow } from './allow.decorator';
import type { AuthServices } from './auth-services';
import { AUTH_SERVICES } from './auth.tokens';
import { unauthenticated } from './auth.guard';
import { hashPassword } from './account/password-hash';
import { checkPasswordPolicy } from './account/password-policy';
import { apiTokenIdFor, newApiToken } from './api-token/api-token-secret';
import { actorOf, identityOf, type Identity } from './identity';
import { asHttpError } from '../validation/http-field';

/** Errors name body fields (`role`), not the command's (`data.role`). */
const rethrowAsHttp = (error: unknown): never => {
  throw asHttpError(error);
};

type Body = Record<string, unknown>;

const bodyOf = (body: unknown): Body => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('body', 'must be a JSON object');
  }
  const commandId = (body as Body).commandId;
  if (typeof commandId !== 'string' || commandId.trim() === '') {
    throw new ValidationError(
      'commandId',
      'is required: a client-chosen id that makes the request safe to repeat',
    );
  }
  return body as Body;
};

const ACTIONS: Readonly<Record<string, AccountCommand['type']>> = {
  disable: 'DisableAccount',
  enable: 'EnableAccount',
  unlock: 'UnlockAccount',
};

/** Account and API token administration (city admins; district admins within their district). */
@Allow('city-admin', 'district-admin')
@Controller('api')
export class AccountsController {
  constructor(@Inject(AUTH_SERVICES) private readonly auth: AuthServices) {}

  @Get('accounts')
  list(@Req() request: IncomingMessage): Promise<unknown> {
    return this.auth.accounts.list(this.districtFilter(this.identity(request)));
  }

  @Post('accounts')
  @HttpCode(201)
  async create(@Req() request: IncomingMessage, @Body() raw: unknown): Promise<unknown> {
    const body = bodyOf(raw);
    const username = typeof body.username === 'string' ? body.username : '';
    const password = checkPasswordPolicy(body.password, username, 'password');
    const { commandId, password: _password, ...data } = body;
    return this.execute(request, String(commandId), {
      type: 'CreateAccount',
      data: { ...data, passwordHash: await hashPassword(password), mustChangePassword: true },
    } as AccountCommand);
  }

  @Post('accounts/:username/scope')
  @HttpCode(200)
  scope(
    @Req() request: IncomingMessage,
    @Param('username') username: string,
    @Body() raw: unknown,
  ): Promise<unknown> {
    const { commandId, ...data } = bodyOf(raw);
    return this.execute(request, String(commandId), {
      type: 'ChangeAccountScope',
      data: { ...data, username },
    } as AccountCommand);
  }

  @Post('accounts/:username/password')
  @HttpCode(200)
  async setPassword(
    @Req() request: IncomingMessage,
    @Param('username') username: string,
    @Body() raw: unknown,
  ): Promise<unknown> {
    const body = bodyOf(raw);
    const password = checkPasswordPolicy(body.password, username, 'password');
    return this.execute(request, String(body.commandId), {
      type: 'SetAccountPassword',
      data: { username, passwordHash: await hashPassword(password) },
    });
  }

  @Post('accounts/:username/:action')
  @HttpCode(200)
  act(
    @Req() request: IncomingMessage,
    @Param('username') username: string,
    @Param('action') action: string,
    @Body() raw: unknown,
  ): Promise<unknown> {
    const type = ACTIONS[action];
    if (!type) throw new NotFoundException(`no account action ${action}`);
    return this.execute(request, String(bodyOf(raw).commandId), {
      type,
      data: { username },
    } as AccountCommand);
  }

  @Get('api-tokens')
  tokens(@Req() request: IncomingMessage): Promise<unknown> {
    return this.auth.accounts.listTokens(this.districtFilter(this.identity(request)));
  }

  /**
   * The token is in this answer only; the gateway keeps its hash. A retry with the same `commandId`
   * names the same token without its secret (`alreadyIssued`): no second credential is minted.
   */
  @Post('api-tokens')
  @HttpCode(201)
  async issue(@Req() request: IncomingMessage, @Body() raw: unknown): Promise<unknown> {
    const { commandId, ...data } = bodyOf(raw);
    const identity = this.identity(request);
    const actor = actorOf(identity);
    const { token, tokenId, tokenHash } = newApiToken(apiTokenIdFor(actor.id, String(commandId)));
    const result = await this.auth.accounts
      .executeToken(
        { type: 'IssueApiToken', data: { ...data, tokenId, tokenHash } as never },
        { actor, districtId: identity.districtId, commandId: String(commandId) },
      )
      .catch(rethrowAsHttp);
    return result.idempotent ? { tokenId, alreadyIssued: true } : { tokenId, token };
  }

  @Post('api-tokens/:tokenId/revoke')
  @HttpCode(200)
  revoke(
    @Req() request: IncomingMessage,
    @Param('tokenId') tokenId: string,
    @Body() raw: unknown,
  ): Promise<unknown> {
    const identity = this.identity(request);
    return this.auth.accounts.executeToken(
      { type: 'RevokeApiToken', data: { tokenId } },
      { actor: actorOf(identity), districtId: identity.districtId, commandId: String(bodyOf(raw).commandId) },
    );
  }

  private execute(request: IncomingMessage, commandId: string, command: AccountCommand): Promise<unknown> {
    const identity = this.identity(request);
    return this.auth.accounts
      .execute(command, { actor: actorOf(identity), districtId: identity.districtId, commandId })
      .catch(rethrowAsHttp);
  }

  private identity(request: IncomingMessage): Identity {
    const identity = identityOf(request.headers);
    if (!identity) throw unauthenticated();
    return identity;
  }

  private districtFilter(identity: Identity): Record<string, unknown> {
    return identity.role === 'city-admin' ? {} : { districtId: identity.districtId };
  }
}
