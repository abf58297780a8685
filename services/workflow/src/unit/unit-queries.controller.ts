import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetDispatchCatalogue,
  ListUnits,
  SuggestUnit,
  WORKFLOW_SERVICE,
  querySubject,
  type DispatchCatalogueView,
  type UnitSuggestion,
  type UnitView,
} from '@hotline/contracts';
import { ZodPayloadPipe } from '@hotline/infra/bus';
import type { z } from 'zod';
import { UnitQueryService } from './unit-query.service';

const subject = (type: string): string => querySubject(WORKFLOW_SERVICE, type);
type QueryOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;

/** Queries of units and the dispatch catalogue, as request/reply handlers. */
@Controller()
export class UnitQueriesController {
  constructor(private readonly units: UnitQueryService) {}

  @MessagePattern(subject(ListUnits.type))
  list(@Payload(new ZodPayloadPipe(ListUnits.schema)) query: QueryOf<typeof ListUnits>): Promise<UnitView[]> {
    return this.units.listUnits(query);
  }

  @MessagePattern(subject(GetDispatchCatalogue.type))
  catalogue(
    @Payload(new ZodPayloadPipe(GetDispatchCatalogue.schema)) query: QueryOf<typeof GetDispatchCatalogue>,
  ): Promise<DispatchCatalogueView> {
    return this.units.catalogue(query);
  }

  @MessagePattern(subject(SuggestUnit.type))
  suggest(
    @Payload(new ZodPayloadPipe(SuggestUnit.schema)) query: QueryOf<typeof SuggestUnit>,
  ): Promise<UnitSuggestion> {
    return this.units.suggest(query);
  }
}
