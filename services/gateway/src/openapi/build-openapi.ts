import type { Type } from '@nestjs/common';
import {
  DOC_METADATA,
  DOC_TAG_METADATA,
  type CommandBody,
  type DocSpec,
  type DocVariant,
  type MultipartBody,
} from './doc.decorator';
import { AUTH_ROUTE_DOCS } from './auth-route-docs';
import { listRoutes, type ListedRoute } from '../auth/list-routes';
import { COMMAND_RESULT_SCHEMA, ERROR_SCHEMA, commandBodyJson, jsonSchemaOf } from './openapi-schemas';
import { accessOf, type RouteAccess } from './route-access';

type Json = Record<string, unknown>;

const ERRORS: Record<number, string> = {
  400: 'Malformed input: `error.field` names the body field or the query, path or header parameter.',
  401: 'Not signed in (no valid session cookie or bearer token).',
  403: 'Signed in, but the role or the scope (district, unit) does not allow this; or a CSRF token is missing.',
  404: 'Not found, or outside what the caller may see (the answer never tells which).',
  409: 'Conflict: the same commandId was used for a different request, or a concurrent change won.',
  413: 'The body or the file is too large.',
  415: 'The file type is not accepted, is executable, or its content contradicts its declared type.',
  422: 'A domain rule refuses the command in the current state; `error.code` says which. Nothing changed.',
  429: 'Too many requests from this address: wait for Retry-After seconds.',
  503: 'A service is unavailable or still catching up; retry later.',
  504: 'A service did not answer in time; retrying with the same commandId is safe.',
};

const isCommandBody = (body: DocSpec['body']): body is CommandBody =>
  typeof body === 'object' && 'command' in body;
const isMultipart = (body: DocSpec['body']): body is MultipartBody =>
  typeof body === 'object' && 'multipartFile' in body;

/** The documented operations of a route: one, or one per variant of a generic path parameter. */
export function operationsOf(route: ListedRoute): Array<{ path: string; spec: DocSpec | undefined }> {
  const doc =
    (Reflect.getMetadata(DOC_METADATA, route.handler) as DocSpec | { variants: DocVariant[] } | undefined) ??
    AUTH_ROUTE_DOCS[`${route.method} ${route.path}`];
  if (doc === undefined || !('variants' in doc)) return [{ path: route.path, spec: doc }];
  return doc.variants.map(({ path: values, ...spec }) => ({
    path: route.path.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => values[name] ?? whole),
    spec,
  }));
}

/** A variant's roles are the guard's that the variant is for; a route's, the guard's. */
export function documentedAccess(access: RouteAccess, spec: DocSpec | undefined): RouteAccess {
  const narrower = (spec as DocVariant | undefined)?.roles;
  if (access.public || access.roles === undefined || narrower === undefined) return access;
  return { ...access, roles: access.roles.filter((role) => narrower.includes(role)) };
}

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export interface OpenApiOptions {
  version: string;
  controllers: readonly Type[];
}

/**
 * The OpenAPI 3.1 document of the gateway, generated from the controllers' routes, their `@Doc`
 * schemas (the zod contracts) and the roles the auth metadata allows. `npm run openapi` writes it
 * to docs/openapi.json; the gateway serves it at /api/openapi.json.
 */
export function buildOpenApi(options: OpenApiOptions): Json {
  const paths: Record<string, Json> = {};
  const schemas: Json = { Error: ERROR_SCHEMA, CommandResult: COMMAND_RESULT_SCHEMA };
  const operationIds = new Set<string>();
  const tags = new Set<string>();

  for (const route of listRoutes(options.controllers)) {
    const access = accessOf(route);
    for (const { path, spec } of operationsOf(route)) {
      const tag =
        (Reflect.getMetadata(DOC_TAG_METADATA, route.handler) as string | undefined) ??
        (Reflect.getMetadata(DOC_TAG_METADATA, route.controller) as string | undefined) ??
        route.controller.name.replace(/Controller$/, '');
      tags.add(tag);
      const operationId = uniqueId(operationIdOf(route, path, spec), operationIds);
      const operation = operationOf(
        route,
        path,
        spec,
        documentedAccess(access, spec),
        tag,
        operationId,
        schemas,
      );
      const key = toOpenApiPath(path);
      paths[key] = { ...paths[key], [route.method.toLowerCase()]: operation };
    }
  }

  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hotline HTTP API',
      version: options.version,
      description:
        'The HTTP API of the Hotline 12345 platform, generated from the code. How to use it: docs/api.md. ' +
        'Commands carry a client-chosen `commandId` (safe to retry) and answer a `position`; queries take ' +
        '`?minPosition=` to read what a command just wrote.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'This gateway' }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths: sortedPaths,
    components: {
      schemas,
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `Error${status}`,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            ...(status === '429'
              ? {
                  headers: {
                    'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' },
                  },
                }
              : {}),
          },
        ]),
      ),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hotline_session',
          description: 'The session cookie set by POST /api/auth/sign-in (browsers, the console).',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description:
            'With the session cookie, every POST/PUT/PATCH/DELETE sends the csrfToken of sign-in (also in the hotline_csrf cookie).',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An OpenID Connect access token (JWT) or an API token issued by an administrator.',
        },
      },
    },
  };
}

function operationOf(
  route: ListedRoute,
  path: string,
  spec: DocSpec | undefined,
  access: RouteAccess,
  tag: string,
  operationId: string,
  schemas: Json,
): Json {
  const isCommand = isCommandBody(spec?.body);
  const parameters = [...pathParameters(path, spec), ...queryParameters(spec)];
  const errors = [400, 503, 504];
  if (!access.public) errors.push(401, 403);
  if (access.public) errors.push(429);
  if (/:[A-Za-z]/.test(path)) errors.push(404);
  if (isCommand) errors.push(409, 422);
  if (isMultipart(spec?.body)) errors.push(413, 415);
  const responses: Json = {};
  for (const [status, response] of Object.entries(spec?.responses ?? {})) {
    const mediaType = response.mediaType ?? 'application/json';
    responses[status] = {
      description: response.description,
      content: { [mediaType]: { schema: response.schema ? jsonSchemaOf(response.schema) : {} } },
    };
  }
  if (Object.keys(responses).length === 0) {
    responses[String(route.status)] = {
      description: isCommand ? 'The command result.' : 'OK',
      content: {
        'application/json': {
          schema: isCommand ? { $ref: '#/components/schemas/CommandResult' } : { type: 'object' },
        },
      },
    };
  }
  for (const status of errors.sort())
    responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  const mutating = route.method !== 'GET' && route.method !== 'HEAD';
  return {
    tags: [tag],
    operationId,
    summary: spec?.summary ?? `${route.method} ${path}`,
    ...(spec?.description ? { description: spec.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec?.body !== undefined ? { requestBody: requestBodyOf(spec.body, operationId, schemas) } : {}),
    responses,
    security: access.public ? [{}] : [mutating ? { session: [], csrf: [] } : { session: [] }, { bearer: [] }],
    ...(isCommandBody(spec?.body) ? { 'x-command': spec.body.command.type } : {}),
    ...(access.roles ? { 'x-roles': access.roles } : {}),
    ...(access.public ? { 'x-public': true } : {}),
  };
}

function requestBodyOf(body: NonNullable<DocSpec['body']>, operationId: string, schemas: Json): Json {
  if (isMultipart(body)) {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [body.multipartFile],
            properties: {
              [body.multipartFile]: { type: 'string', contentMediaType: 'application/octet-stream' },
            },
          },
        },
      },
    };
  }
  const name = isCommandBody(body) ? `${body.command.type}Body` : `${operationId}Body`;
  schemas[name] = isCommandBody(body)
    ? commandBodyJson(jsonSchemaOf(body.command.schema), body.pathFields ?? [])
    : jsonSchemaOf(body);
  return {
    required: true,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
  };
}

function pathParameters(path: string, spec: DocSpec | undefined): Json[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    schema: spec?.params?.[name] ? jsonSchemaOf(spec.params[name]) : { type: 'string' },
  }));
}

function queryParameters(spec: DocSpec | undefined): Json[] {
  if (!spec?.query) return [];
  const json = jsonSchemaOf(spec.query);
  const required = (json.required as string[] | undefined) ?? [];
  return Object.entries((json.properties as Record<string, Json> | undefined) ?? {}).map(
    ([name, schema]) => ({
      name,
      in: 'query',
      required: required.includes(name),
      schema,
      ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    }),
  );
}

function operationIdOf(route: ListedRoute, path: string, spec: DocSpec | undefined): string {
  if (isCommandBody(spec?.body)) return spec.body.command.type;
  const area = route.controller.name.replace(/Controller$/, '');
  const handler = route.handler.name;
  return `${area.charAt(0).toLowerCase()}${area.slice(1)}_${handler}`;
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
}
