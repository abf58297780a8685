import {
  ApproveCaseExtension,
  GetCase,
  RegisterCase,
  RejectCaseExtension,
  WORKFLOW_SERVICE,
  commandSubject,
  querySubject,
} from '@hotline/contracts';
import { prefixSubject, prefixTopology } from './deployment-prefix';
import { DEFAULT_TOPOLOGY, deadLetterSubjectOf } from './jetstream-topology';

/** A district platform of the city (ADR 0011): the city's unit it is, and its deployment's bus prefix. */
export interface FederatedDistrict {
  unitId: string;
  busPrefix: string;
}

/**
 * What the city's federation bridge (services/workflow/src/federation) sends to a district platform,
 * and nothing more: the city's cases become the district's registrations, the city center's decision
 * on an extension the district asked for becomes the district's decision, and it reads a case.
 */
export const FEDERATION_DISTRICT_COMMANDS = [
  RegisterCase.type,
  ApproveCaseExtension.type,
  RejectCaseExtension.type,
] as const;
export const FEDERATION_DISTRICT_QUERIES = [GetCase.type] as const;

/** The bridge's durable consumers: `down` on the city's events, `up` on the district's. */
export const federationConsumerOf = (unitId: string, direction: 'down' | 'up'): string =>
  `federation-${unitId}-${direction}`;

/**
 * What the user running the city's bridges (the city's workflow) may publish on a district's
 * deployment: its commands and query above, and the district's events through its own durable
 * consumer only (create it, pull, acknowledge, dead-letter what it gives up on). It cannot answer the
 * district's requests, read its events any other way, publish an event there, or touch its streams.
 */
export function federationPublishGrant(district: FederatedDistrict): string[] {
  const { busPrefix } = district;
  const topology = prefixTopology(busPrefix, DEFAULT_TOPOLOGY);
  const stream = topology.eventsStream;
  const durable = federationConsumerOf(district.unitId, 'up');
  return [
    ...FEDERATION_DISTRICT_COMMANDS.map((type) =>
      prefixSubject(busPrefix, commandSubject(WORKFLOW_SERVICE, type)),
    ),
    ...FEDERATION_DISTRICT_QUERIES.map((type) =>
      prefixSubject(busPrefix, querySubject(WORKFLOW_SERVICE, type)),
    ),
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
    deadLetterSubjectOf(topology, durable),
  ];
}
