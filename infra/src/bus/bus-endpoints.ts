import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  commandSubject,
  parseOrThrow,
  querySubject,
  type CommandDefinition,
  type QueryDefinition,
} from '@hotline/contracts';
import type { z } from 'zod';
import { parseCommand, type ParsedCommand } from '../command/parse-command';

/** One request/reply subject of a service and what answers it. */
export interface BusEndpoint {
  subject: string;
  handle(payload: unknown): Promise<unknown>;
}

/**
 * A command of the registry served on its subject (`hotline.cmd.<service>.<Type>`): the envelope and
 * the data are parsed once, here, and `handle` receives the checked command.
 */
export function commandEndpoint<D extends CommandDefinition>(
  definition: D,
  handle: (command: ParsedCommand<D>) => Promise<unknown>,
): BusEndpoint {
  return {
    subject: commandSubject(definition.service, definition.type),
    handle: async (payload) => handle(parseCommand(definition, payload)),
  };
}

/** A query of the registry served on its subject; the parameters are parsed once by its schema. */
export function queryEndpoint<D extends QueryDefinition>(
  definition: D,
  handle: (query: z.output<D['schema']>) => Promise<unknown>,
): BusEndpoint {
  return {
    subject: querySubject(definition.service, definition.type),
    handle: async (payload) => handle(parseOrThrow(definition.schema, payload) as z.output<D['schema']>),
  };
}

/**
 * The Nest controller that serves a service's endpoints on the bus (in-process or NATS alike): one
 * declaration per service instead of a method per message. A subject declared twice is refused.
 */
export function busEndpoints(name: string, endpoints: readonly BusEndpoint[]): Type<unknown> {
  @Controller()
  class Endpoints {}
  Object.defineProperty(Endpoints, 'name', { value: `${name}BusEndpoints` });
  const seen = new Set<string>();
  endpoints.forEach((endpoint, index) => {
    if (seen.has(endpoint.subject)) throw new Error(`${name}: ${endpoint.subject} is served twice`);
    seen.add(endpoint.subject);
    const key = `${index}:${endpoint.subject}`;
    const descriptor: PropertyDescriptor = {
      value: (payload: unknown) => endpoint.handle(payload),
      writable: true,
      configurable: true,
    };
    Object.defineProperty(Endpoints.prototype, key, descriptor);
    MessagePattern(endpoint.subject)(Endpoints.prototype, key, descriptor);
  });
  return Endpoints;
}
