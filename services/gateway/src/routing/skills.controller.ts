import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { DefineSkill, GetSkillCatalogue, RemoveSkill, ROUTING_SERVICE } from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { ServiceController } from '../service-controller';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import type { AuthServices } from '../auth/auth-services';
import { AUTH_SERVICES } from '../auth/auth.tokens';
import { agentIdsIn, SeatNames } from './seat-names';

/**
 * The router's skill catalogue: every screen that shows a skill reads its names here (the desk, the
 * wallboard, the routing settings); the city administrator names and removes skills.
 */
@DocTag('routing')
@Controller('api/routing/skills')
export class SkillsController extends ServiceController(ROUTING_SERVICE) {
  private readonly seats: SeatNames;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy, @Inject(AUTH_SERVICES) auth: AuthServices) {
    super(bus);
    this.seats = new SeatNames(auth.accounts);
  }

  @Doc({
    ...queryDoc('GetSkillCatalogue'),
    description: 'With `names`: the display name of each agent a skill is used by.',
  })
  @Allow('agent', 'supervisor', 'center', 'city-admin')
  @Get()
  async catalogue(@Req() request: IncomingMessage): Promise<unknown> {
    const data = (await this.requests.query(GetSkillCatalogue.type, request.headers, {})) as Record<
      string,
      unknown
    >;
    return { ...data, names: await this.seats.of(agentIdsIn(data)) };
  }

  @Doc(commandDoc('DefineSkill', ['skillId']))
  @Allow('city-admin')
  @Put(':skillId')
  @HttpCode(200)
  define(@Req() request: IncomingMessage, @Param('skillId') skillId: string, @Body() body: unknown) {
    return this.requests.command(DefineSkill.type, request.headers, body, { skillId });
  }

  @Doc(commandDoc('RemoveSkill', ['skillId']))
  @Allow('city-admin')
  @Post(':skillId/remove')
  @HttpCode(200)
  remove(@Req() request: IncomingMessage, @Param('skillId') skillId: string, @Body() body: unknown) {
    return this.requests.command(RemoveSkill.type, request.headers, body, { skillId });
  }
}
