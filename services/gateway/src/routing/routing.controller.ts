import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { gatewayRolesFor, ROUTING_SERVICE } from '@hotline/contracts';
import { actorFromRequest } from '../actor-from-request';
import { BUS_CLIENT } from '../bus-client.token';
import { ServiceController } from '../service-controller';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import type { AuthServices } from '../auth/auth-services';
import { AUTH_SERVICES } from '../auth/auth.tokens';
import { agentIdsIn, SeatNames } from './seat-names';

const NAMES =
  "With `names`: the display name of each agent it names (`user:<username>` → the account's display name), for the screen.";

/**
 * The router (ACD): queues and agent profiles for administrators, the agent's own session for the
 * desk (the agent is the signed-in user), and the wallboard for supervisors.
 */
@DocTag('routing')
@Controller('api/routing')
export class RoutingController extends ServiceController(ROUTING_SERVICE) {
  private readonly seats: SeatNames;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy, @Inject(AUTH_SERVICES) auth: AuthServices) {
    super(bus);
    this.seats = new SeatNames(auth.accounts);
  }

  /** The answer with `names`: the display name of every agent it names, for the screen. */
  private async withNames(answer: Promise<unknown>): Promise<unknown> {
    const data = (await answer) as Record<string, unknown>;
    return { ...data, names: await this.seats.of(agentIdsIn(data)) };
  }

  @Doc(commandDoc('DefineQueue', ['queueId']))
  @Allow(...gatewayRolesFor('DefineQueue'))
  @Put('queues/:queueId')
  @HttpCode(200)
  defineQueue(@Req() request: IncomingMessage, @Param('queueId') queueId: string, @Body() body: unknown) {
    return this.requests.command('DefineQueue', request.headers, body, { queueId });
  }

  @Doc(commandDoc('SetAgentProfile', ['agentId']))
  @Allow(...gatewayRolesFor('SetAgentProfile'))
  @Put('agents/:agentId/profile')
  @HttpCode(200)
  setProfile(@Req() request: IncomingMessage, @Param('agentId') agentId: string, @Body() body: unknown) {
    return this.requests.command('SetAgentProfile', request.headers, body, { agentId });
  }

  @Doc(queryDoc('GetRoutingSettings'))
  @Allow('city-admin', 'supervisor')
  @Get('settings')
  settings(@Req() request: IncomingMessage) {
    return this.requests.query('GetRoutingSettings', request.headers, {});
  }

  @Doc(commandDoc('SetRouterSettings'))
  @Allow(...gatewayRolesFor('SetRouterSettings'))
  @Put('settings')
  @HttpCode(200)
  setSettings(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('SetRouterSettings', request.headers, body);
  }

  @Doc({ ...queryDoc('GetQueueBoard'), description: NAMES })
  @Allow('supervisor', 'center')
  @Get('board')
  board(@Req() request: IncomingMessage) {
    return this.withNames(this.requests.query('GetQueueBoard', request.headers, {}));
  }

  @Doc({ ...queryDoc('GetAgentSession', { omit: ['agentId'] }), description: NAMES })
  @Allow('agent', 'supervisor')
  @Get('me')
  session(@Req() request: IncomingMessage) {
    return this.withNames(
      this.requests.query('GetAgentSession', request.headers, {
        agentId: actorFromRequest(request.headers).actor.id,
      }),
    );
  }

  @Doc(commandDoc('LogInAgent'))
  @Allow(...gatewayRolesFor('LogInAgent'))
  @Post('me/log-in')
  @HttpCode(200)
  logIn(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('LogInAgent', request, body);
  }

  @Doc(commandDoc('LogOutAgent'))
  @Allow(...gatewayRolesFor('LogOutAgent'))
  @Post('me/log-out')
  @HttpCode(200)
  logOut(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('LogOutAgent', request, body);
  }

  @Doc(commandDoc('MakeAgentReady'))
  @Allow(...gatewayRolesFor('MakeAgentReady'))
  @Post('me/ready')
  @HttpCode(200)
  ready(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('MakeAgentReady', request, body);
  }

  @Doc(commandDoc('MakeAgentNotReady'))
  @Allow(...gatewayRolesFor('MakeAgentNotReady'))
  @Post('me/not-ready')
  @HttpCode(200)
  notReady(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('MakeAgentNotReady', request, body);
  }

  @Doc(commandDoc('AcceptOffer'))
  @Allow(...gatewayRolesFor('AcceptOffer'))
  @Post('me/accept')
  @HttpCode(200)
  accept(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('AcceptOffer', request, body);
  }

  @Doc(commandDoc('DeclineOffer'))
  @Allow(...gatewayRolesFor('DeclineOffer'))
  @Post('me/decline')
  @HttpCode(200)
  decline(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('DeclineOffer', request, body);
  }

  @Doc(commandDoc('EndContact'))
  @Allow(...gatewayRolesFor('EndContact'))
  @Post('me/end')
  @HttpCode(200)
  end(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('EndContact', request, body);
  }

  @Doc(commandDoc('EndAfterContactWork'))
  @Allow(...gatewayRolesFor('EndAfterContactWork'))
  @Post('me/end-after-contact-work')
  @HttpCode(200)
  endAfterContactWork(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('EndAfterContactWork', request, body);
  }

  @Doc(commandDoc('LogOutAgent', ['agentId']))
  @Allow('supervisor')
  @Post('agents/:agentId/log-out')
  @HttpCode(200)
  forceLogOut(@Req() request: IncomingMessage, @Param('agentId') agentId: string, @Body() body: unknown) {
    return this.requests.command('LogOutAgent', request.headers, body, { agentId });
  }

  @Doc(commandDoc('MakeAgentNotReady', ['agentId']))
  @Allow('supervisor')
  @Post('agents/:agentId/not-ready')
  @HttpCode(200)
  forceNotReady(@Req() request: IncomingMessage, @Param('agentId') agentId: string, @Body() body: unknown) {
    return this.requests.command('MakeAgentNotReady', request.headers, body, { agentId });
  }

  @Doc(commandDoc('HoldContact'))
  @Allow(...gatewayRolesFor('HoldContact'))
  @Post('me/hold')
  @HttpCode(200)
  hold(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('HoldContact', request, body);
  }

  @Doc(commandDoc('ResumeContact'))
  @Allow(...gatewayRolesFor('ResumeContact'))
  @Post('me/resume')
  @HttpCode(200)
  resume(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('ResumeContact', request, body);
  }

  @Doc(commandDoc('TransferContact'))
  @Allow(...gatewayRolesFor('TransferContact'))
  @Post('me/transfer')
  @HttpCode(200)
  transfer(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('TransferContact', request, body);
  }

  @Doc(commandDoc('ConsultParty'))
  @Allow(...gatewayRolesFor('ConsultParty'))
  @Post('me/consult')
  @HttpCode(200)
  consult(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('ConsultParty', request, body);
  }

  @Doc(commandDoc('EndConsultation'))
  @Allow(...gatewayRolesFor('EndConsultation'))
  @Post('me/end-consultation')
  @HttpCode(200)
  endConsultation(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('EndConsultation', request, body);
  }

  @Doc(commandDoc('AddConferenceParty'))
  @Allow(...gatewayRolesFor('AddConferenceParty'))
  @Post('me/conference')
  @HttpCode(200)
  addParty(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('AddConferenceParty', request, body);
  }

  @Doc(commandDoc('RemoveConferenceParty'))
  @Allow(...gatewayRolesFor('RemoveConferenceParty'))
  @Post('me/conference/leave')
  @HttpCode(200)
  removeParty(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('RemoveConferenceParty', request, body);
  }

  @Doc(commandDoc('SuperviseContact', ['contactId']))
  @Allow(...gatewayRolesFor('SuperviseContact'))
  @Post('contacts/:contactId/supervise')
  @HttpCode(200)
  supervise(@Req() request: IncomingMessage, @Param('contactId') contactId: string, @Body() body: unknown) {
    return this.requests.command('SuperviseContact', request.headers, body, {
      contactId,
      supervisorId: actorFromRequest(request.headers).actor.id,
    });
  }

  @Doc(commandDoc('StopSupervising', ['contactId']))
  @Allow(...gatewayRolesFor('StopSupervising'))
  @Post('contacts/:contactId/stop-supervising')
  @HttpCode(200)
  stopSupervising(
    @Req() request: IncomingMessage,
    @Param('contactId') contactId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('StopSupervising', request.headers, body, {
      contactId,
      supervisorId: actorFromRequest(request.headers).actor.id,
    });
  }

  @Doc(commandDoc('PostBulletin'))
  @Allow(...gatewayRolesFor('PostBulletin'))
  @Post('bulletins')
  @HttpCode(200)
  postBulletin(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('PostBulletin', request.headers, body);
  }

  @Doc(commandDoc('WithdrawBulletin', ['bulletinId']))
  @Allow(...gatewayRolesFor('WithdrawBulletin'))
  @Post('bulletins/:bulletinId/withdraw')
  @HttpCode(200)
  withdrawBulletin(
    @Req() request: IncomingMessage,
    @Param('bulletinId') bulletinId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('WithdrawBulletin', request.headers, body, { bulletinId });
  }

  /** A command about the signed-in agent: the agent is never taken from the body. */
  private own(type: string, request: IncomingMessage, body: unknown) {
    return this.requests.command(type, request.headers, body, {
      agentId: actorFromRequest(request.headers).actor.id,
    });
  }
}
