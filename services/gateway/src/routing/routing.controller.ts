import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ROUTING_SERVICE } from '@hotline/contracts';
import { actorFromRequest } from '../actor-from-request';
import { BUS_CLIENT } from '../bus-client.token';
import { WorkflowRequests } from '../workflow-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';

/**
 * The router (ACD): queues and agent profiles for administrators, the agent's own session for the
 * desk (the agent is the signed-in user), and the wallboard for supervisors.
 */
@DocTag('routing')
@Controller('api/routing')
export class RoutingController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus, ROUTING_SERVICE);
  }

  @Doc(commandDoc('DefineQueue', ['queueId']))
  @Allow('city-admin')
  @Put('queues/:queueId')
  @HttpCode(200)
  defineQueue(@Req() request: IncomingMessage, @Param('queueId') queueId: string, @Body() body: unknown) {
    return this.requests.command('DefineQueue', request.headers, body, { queueId });
  }

  @Doc(commandDoc('SetAgentProfile', ['agentId']))
  @Allow('city-admin')
  @Put('agents/:agentId/profile')
  @HttpCode(200)
  setProfile(@Req() request: IncomingMessage, @Param('agentId') agentId: string, @Body() body: unknown) {
    return this.requests.command('SetAgentProfile', request.headers, body, { agentId });
  }

  @Doc(queryDoc('GetQueueBoard'))
  @Allow('supervisor', 'center')
  @Get('board')
  board(@Req() request: IncomingMessage) {
    return this.requests.query('GetQueueBoard', request.headers, {});
  }

  @Doc(queryDoc('GetAgentSession', { omit: ['agentId'] }))
  @Allow('agent', 'supervisor')
  @Get('me')
  session(@Req() request: IncomingMessage) {
    return this.requests.query('GetAgentSession', request.headers, {
      agentId: actorFromRequest(request.headers).actor.id,
    });
  }

  @Doc(commandDoc('LogInAgent'))
  @Allow('agent', 'supervisor')
  @Post('me/log-in')
  @HttpCode(200)
  logIn(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('LogInAgent', request, body);
  }

  @Doc(commandDoc('LogOutAgent'))
  @Allow('agent', 'supervisor')
  @Post('me/log-out')
  @HttpCode(200)
  logOut(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('LogOutAgent', request, body);
  }

  @Doc(commandDoc('MakeAgentReady'))
  @Allow('agent', 'supervisor')
  @Post('me/ready')
  @HttpCode(200)
  ready(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('MakeAgentReady', request, body);
  }

  @Doc(commandDoc('MakeAgentNotReady'))
  @Allow('agent', 'supervisor')
  @Post('me/not-ready')
  @HttpCode(200)
  notReady(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('MakeAgentNotReady', request, body);
  }

  @Doc(commandDoc('AcceptOffer'))
  @Allow('agent', 'supervisor')
  @Post('me/accept')
  @HttpCode(200)
  accept(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('AcceptOffer', request, body);
  }

  @Doc(commandDoc('DeclineOffer'))
  @Allow('agent', 'supervisor')
  @Post('me/decline')
  @HttpCode(200)
  decline(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('DeclineOffer', request, body);
  }

  @Doc(commandDoc('EndContact'))
  @Allow('agent', 'supervisor')
  @Post('me/end')
  @HttpCode(200)
  end(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.own('EndContact', request, body);
  }

  @Doc(commandDoc('EndAfterContactWork'))
  @Allow('agent', 'supervisor')
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

  /** A command about the signed-in agent: the agent is never taken from the body. */
  private own(type: string, request: IncomingMessage, body: unknown) {
    return this.requests.command(type, request.headers, body, {
      agentId: actorFromRequest(request.headers).actor.id,
    });
  }
}
