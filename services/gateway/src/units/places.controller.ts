import type { IncomingMessage } from 'node:http';
import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { districtPlaceName, streetPlaceName, type UnitView } from '@hotline/contracts';
import { Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { PORTAL_VIEWER } from '../intake/intake-requests';
import { WorkflowRequests } from '../workflow-requests';

/** A district with its streets (乡镇/街道): the portal's place picker. */
export interface PlaceDistrict {
  districtId: string;
  name: string;
  streets: { unitId: string; name: string }[];
}

/** The city's districts and their streets as places (named from their offices), for anyone. */
export async function cityPlaces(
  requests: WorkflowRequests,
  request: IncomingMessage,
): Promise<PlaceDistrict[]> {
  const units = (await requests.publicQuery('ListUnits', request.headers, {
    viewer: PORTAL_VIEWER,
  })) as UnitView[];
  const active = units.filter((unit) => unit.active);
  return active
    .filter((unit) => unit.level === 'district')
    .map((district) => {
      const name = districtPlaceName(district.name);
      return {
        districtId: district.unitId,
        name,
        streets: active
          .filter((unit) => unit.level === 'street' && unit.parentId === district.unitId)
          .map((street) => ({ unitId: street.unitId, name: streetPlaceName(street.name, name) })),
      };
    });
}

/** The portal's place picker (区县、街道): public names only, no contacts. */
@DocTag('cases')
@Controller('api/public')
export class PlacesController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc({
    summary: "The city's districts and their streets (names only), for the portal's place picker.",
    responses: { 200: { description: 'Districts, each with its streets.' } },
  })
  @Public()
  @Get('places')
  list(@Req() request: IncomingMessage): Promise<PlaceDistrict[]> {
    return cityPlaces(this.requests, request);
  }
}
