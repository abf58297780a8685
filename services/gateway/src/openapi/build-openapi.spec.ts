import 'reflect-metadata';
import { documentedControllers } from '../gateway.module';
import { AUTH_ROUTE_DOCS } from './auth-route-docs';
import { DOC_METADATA } from './doc.decorator';
import { gatewayOpenApi } from './gateway-openapi';
import { listRoutes } from '../auth/list-routes';
import { gatewayRolesTheDomainAllows } from '@hotline/contracts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the gateway OpenAPI document', () => {
  const document = gatewayOpenApi(documentedControllers) as Json;
  const operations = Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]) => ({
      path,
      method,
      operation: operation as Json,
    })),
  );

  it('documents every route of the gateway controllers with a @Doc', () => {
    const undocumented = listRoutes(documentedControllers)
      .filter(
        (route) =>
          Reflect.getMetadata(DOC_METADATA, route.handler) === undefined &&
          AUTH_ROUTE_DOCS[`${route.method} ${route.path}`] === undefined,
      )
      .map((route) => `${route.method} ${route.path}`);
    expect(undocumented).toEqual([]);
  });

  it('gives every case action its own operation with the command body and caseId from the path', () => {
    const dispatch = (document.paths as Json)['/api/cases/{caseId}/dispatch'].post as Json;
    expect(dispatch.operationId).toBe('DispatchCase');
    expect(dispatch.parameters).toEqual([
      expect.objectContaining({ name: 'caseId', in: 'path', required: true }),
    ]);
    const body = document.components.schemas.DispatchCaseBody as Json;
    expect(body.required).toContain('commandId');
    expect(body.properties.caseId).toBeUndefined();
    expect(body.properties.leadUnitId).toBeDefined();
    expect((document.paths as Json)['/api/cases/{caseId}/extension/approve'].post.operationId).toBe(
      'ApproveCaseExtension',
    );
  });

  it('declares every path parameter of a path and unique operation ids', () => {
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = ((operation.parameters as Json[] | undefined) ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name as string)
        .sort();
      expect({ path, declared }).toEqual({ path, declared: inPath });
    }
    const ids = operations.map((o) => o.operation.operationId as string);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents query parameters from the contracts, lists as comma-separated, and the error answers', () => {
    const search = (document.paths as Json)['/api/cases'].get as Json;
    const names = (search.parameters as Json[]).map((p) => p.name as string);
    expect(names).toEqual(expect.arrayContaining(['status', 'sort', 'page', 'pageSize', 'minPosition']));
    expect(names).not.toContain('viewer');
    const status = (search.parameters as Json[]).find((p) => p.name === 'status');
    expect(status).toMatchObject({ style: 'form', explode: false });
    const pageSize = (search.parameters as Json[]).find((p) => p.name === 'pageSize');
    expect(pageSize?.schema).toMatchObject({ maximum: 100 });
    expect(search.responses['400']).toEqual({ $ref: '#/components/responses/Error400' });
    expect(search.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it('states the roles each operation allows, from the auth metadata', () => {
    const dispatch = (document.paths as Json)['/api/cases/{caseId}/dispatch'].post as Json;
    expect(dispatch['x-roles']).toEqual(expect.arrayContaining(['center']));
    expect(dispatch['x-roles']).not.toContain('auditor');
    // The generic case-action route lets leaders and units through; dispatching is not theirs.
    expect(dispatch['x-roles']).not.toContain('leader');
    expect(dispatch['x-roles']).not.toContain('unit-handler');
    const accounts = (document.paths as Json)['/api/accounts'].get as Json;
    expect(accounts['x-roles']).toEqual(expect.arrayContaining(['city-admin']));
    expect((document.paths as Json)['/api/docs'].get['x-public']).toBe(true);
  });

  it('marks the citizen portal public and needs the CSRF header with a session for commands', () => {
    const portal = (document.paths as Json)['/api/portal/contacts'].post as Json;
    expect(portal.security).toEqual([{}]);
    expect(portal.responses['429']).toBeDefined();
    const register = (document.paths as Json)['/api/cases'].post as Json;
    expect(register.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(register.responses['422']).toBeDefined();
  });

  it('documents no role the domain refuses: each command operation lists only roles its decider accepts', () => {
    const commands = operations.filter(({ operation }) => typeof operation['x-command'] === 'string');
    expect(commands.length).toBeGreaterThan(50);
    const refused = commands.flatMap(({ path, method, operation }) => {
      const accepted = gatewayRolesTheDomainAllows(operation['x-command'] as string);
      if (accepted === undefined) return [];
      return ((operation['x-roles'] as string[] | undefined) ?? [])
        .filter((role) => !(accepted as readonly string[]).includes(role))
        .map((role) => `${method.toUpperCase()} ${path} (${operation['x-command']}): ${role}`);
    });
    expect(refused).toEqual([]);
    const roleless = commands
      .filter(({ operation }) => !operation['x-public'] && (operation['x-roles'] as string[]).length === 0)
      .map(({ path }) => path);
    expect(roleless).toEqual([]);
  });
});
