import { z } from 'zod';
import {
  gatewayRolesTheDomainAllows,
  platformRegistry,
  type CommandDefinition,
  type QueryDefinition,
} from '@hotline/contracts';
import { CASE_ACTIONS } from '../cases/case-actions';
import type { DocSpec, DocVariant } from './doc.decorator';

const registry = platformRegistry();

const commandDefinition = (type: string): CommandDefinition => {
  const definition = registry.command(type);
  if (!definition) throw new Error(`no command ${type} in the registry`);
  return definition;
};

const queryDefinition = (type: string): QueryDefinition => {
  const definition = registry.query(type);
  if (!definition) throw new Error(`no query ${type} in the registry`);
  return definition;
};

/** The doc of a route that sends command `type`: its summary and body come from the contract. */
export function commandDoc(type: string, pathFields: string[] = [], extra: Partial<DocSpec> = {}): DocSpec {
  const command = commandDefinition(type);
  const shape =
    command.schema instanceof z.ZodObject ? (command.schema.shape as Record<string, z.ZodType>) : {};
  const params = Object.fromEntries(
    pathFields.filter((name) => shape[name] !== undefined).map((name) => [name, shape[name] as z.ZodType]),
  );
  return { summary: command.summary, body: { command, pathFields }, params, ...extra };
}

/**
 * The doc of a route that asks query `type`: its query parameters are the contract's fields but the
 * viewer (the signed-in user) and the ones the path gives; `rename` maps contract names to HTTP names.
 */
export function queryDoc(
  type: string,
  options: {
    path?: string[];
    rename?: Record<string, string>;
    omit?: string[];
    /** Optional in the contract, required by this route. */
    required?: string[];
    body?: boolean;
  } = {},
): DocSpec {
  const query = queryDefinition(type);
  const schema = query.schema as z.ZodObject;
  const skip = new Set(['viewer', ...(options.path ?? []), ...(options.omit ?? [])]);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    if (skip.has(name)) continue;
    const required = options.required?.includes(name) && field instanceof z.ZodOptional;
    shape[options.rename?.[name] ?? name] = required ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
  }
  const params = Object.fromEntries(
    (options.path ?? []).map((name) => [name, schema.shape[name] as z.ZodType]),
  );
  return {
    summary: query.summary,
    ...(options.body ? { body: z.object(shape) } : { query: z.object(shape) }),
    ...(options.path ? { params } : {}),
  };
}

const rolesOf = (type: string): { roles?: readonly string[] } => {
  const roles = gatewayRolesTheDomainAllows(type);
  return roles ? { roles } : {};
};

/** One operation per case action of `POST /api/cases/{caseId}/…`: one path segment, or two (`extension/approve`). */
export function caseActionVariants(segments: 1 | 2): { variants: DocVariant[] } {
  const variants = Object.entries(CASE_ACTIONS)
    .filter(([action]) => action.split('/').length === segments)
    .map(([action, type]): DocVariant => {
      const [first = '', second = ''] = action.split('/');
      return {
        ...commandDoc(type, ['caseId']),
        path: segments === 1 ? { action: first } : { group: first, action: second },
        // The roles the case decider accepts for this command, from the vocabulary it enforces.
        ...rolesOf(type),
      };
    });
  return { variants };
}

/** One operation per action of a generic `…/:action` route, from an action → command table. */
export function actionVariants(
  actions: Readonly<Record<string, string>>,
  pathFields: string[],
): { variants: DocVariant[] } {
  return {
    variants: Object.entries(actions).map(([action, type]) => ({
      ...commandDoc(type, pathFields),
      path: { action },
      ...rolesOf(type),
    })),
  };
}
