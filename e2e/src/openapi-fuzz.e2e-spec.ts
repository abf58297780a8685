import { createIntakeService, intakeConfigSchema } from '@hotline/intake';
import { loadConfig } from '@hotline/infra/config';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { routingService } from '@hotline/routing';
import { escalationService } from '@hotline/escalation';
import { reportingService } from '@hotline/reporting';
import { sipappService } from '@hotline/sipapp';
import { surveyService } from '@hotline/survey';
import { documentedControllers, gatewayOpenApi, gatewayService } from '@hotline/gateway';
import {
  signIn,
  malformedRequests,
  type DocumentedOperation,
  type MalformedRequest,
} from '@hotline/gateway/testing';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Fixed, so a failure is reproduced by running the test again. */
const SEED = 20_261_130;
const RUNS_PER_KIND = 6;

/** Operations whose success is a stream or a page, not an answer to judge. */
/** The demo account of each role (docs/demo.md). */
const DEMO_USER: Readonly<Record<string, string>> = {
  agent: 'agent',
  supervisor: 'supervisor',
  center: 'center',
  'city-admin': 'city-admin',
  auditor: 'auditor',
  'district-admin': 'district-admin-gulou',
  'unit-handler': 'unit-handler-housing',
  'unit-leader': 'unit-leader-housing',
};

/** A city administrator where allowed, else the first role allowed: so validation, not the guard, answers. */
const signedInRole = (operation: DocumentedOperation): string => {
  const roles = (operation.operation['x-roles'] as string[] | undefined) ?? [];
  return roles.length === 0 || roles.includes('city-admin') ? 'city-admin' : (roles[0] ?? 'city-admin');
};

const SKIPPED = new Set([
  'GET /api/live',
  // Server-Sent Events with no input: a stream that stays open, nothing malformed to send.
  'GET /api/routing/board/live',
  'GET /api/docs',
  'GET /api/docs/{file}',
  'POST /api/auth/sign-out',
]);

describe('Every OpenAPI operation refuses malformed input (signed in with an allowed role, and anonymous) without a 5xx and without changing state [embedded]', () => {
  let running: BootedPlatform;

  beforeAll(async () => {
    const intake = createIntakeService({ config: loadConfig(intakeConfigSchema, {}, 'fuzz-e2e') });
    running = await bootPlatform([
      workflowService,
      intake,
      routingService,
      escalationService,
      reportingService,
      surveyService,
      // The IVR flow and the live announcement (telephony off: no SIP, only its commands and queries).
      sipappService,
      gatewayService,
    ]);
    for (let i = 0; i < 600 && (await fetch(`${running.url}/health/ready`)).status !== 200; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  afterAll(async () => {
    await running.close();
  });

  const operationsOf = (document: Json): DocumentedOperation[] =>
    Object.entries(document.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([method]) => !SKIPPED.has(`${method.toUpperCase()} ${path}`))
        .map(([method, operation]) => {
          const ref = (operation as Json).requestBody?.content?.['application/json']?.schema?.$ref as
            string | undefined;
          const bodySchema = ref
            ? (document.components.schemas[ref.split('/').pop() ?? ''] as Json)
            : undefined;
          return {
            method: method.toUpperCase(),
            path,
            operation: operation as Json,
            ...(bodySchema ? { bodySchema } : {}),
          };
        }),
    );

  const send = async (
    request: MalformedRequest,
    headers: Record<string, string>,
  ): Promise<{ status: number; field?: string }> => {
    const response = await fetch(`${running.url}${request.path}`, {
      method: request.method,
      headers: { ...headers, ...(request.body ? { 'content-type': request.body.contentType } : {}) },
      ...(request.body ? { body: request.body.text } : {}),
    });
    const text = await response.text();
    let field: string | undefined;
    try {
      // The API's `{ error }`, or Open311's list of errors (`/open311/v2/…`), whose first names it.
      const parsed = JSON.parse(text) as { error?: { field?: string } } | Array<{ field?: string }>;
      field = Array.isArray(parsed) ? parsed[0]?.field : parsed.error?.field;
    } catch {
      // not JSON: no field to check
    }
    return { status: response.status, ...(field !== undefined ? { field } : {}) };
  };

  /** Whether a 400's field is the parameter under test, an item of it, or a required one left out. */
  const names = (
    request: MalformedRequest,
    field: string | undefined,
    operation: DocumentedOperation,
  ): boolean => {
    if (field === undefined || request.names === undefined) return false;
    if (field === request.names || field.startsWith(`${request.names}.`)) return true;
    const required = ((operation.operation.parameters as Json[] | undefined) ?? [])
      .filter((p) => p.in === 'query' && p.required === true)
      .map((p) => String(p.name));
    return required.includes(field) && !request.path.includes(`${field}=`);
  };

  // First: the malformed run exhausts the anonymous rate limit of this address.
  it('serves the same document at /api/openapi.json and a Swagger UI page without inline scripts', async () => {
    const served = await fetch(`${running.url}/api/openapi.json`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(gatewayOpenApi(documentedControllers));
    const page = await fetch(`${running.url}/api/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\/[a-z-]+\.js"/);
      expect(inline?.trim()).toBe('');
    }
    for (const file of ['swagger-initializer.js', 'swagger-ui-bundle.js', 'swagger-ui.css']) {
      expect((await fetch(`${running.url}/api/docs/${file}`)).status).toBe(200);
    }
    expect((await fetch(`${running.url}/api/docs/package.json`)).status).toBe(404);
  });

  // Thousands of requests, more with every route: a loaded machine needs more than the default timeout.
  it('answers every malformed request below 500 and leaves the event store head where it was', async () => {
    const sessions = new Map<string, Record<string, string>>();
    const session = async (role: string): Promise<Record<string, string>> => {
      const known = sessions.get(role);
      if (known) return known;
      const headers = await signIn(running.url, DEMO_USER[role] ?? 'city-admin');
      sessions.set(role, headers);
      return headers;
    };
    const admin = await session('city-admin');
    const document = gatewayOpenApi(documentedControllers) as Json;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    // Signed in before the baseline: a sign-in is recorded in the event log.
    for (const operation of operations) await session(signedInRole(operation));
    const headBefore = await running.platform.eventStore.headPosition();

    const failures: string[] = [];
    const unnamed: string[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      for (const request of malformedRequests(operation, SEED + index, RUNS_PER_KIND)) {
        const role = signedInRole(operation);
        for (const [who, headers] of [
          [role, await session(role)],
          ['anonymous', {}],
        ] as const) {
          const { status, field } = await send(request, headers);
          sent++;
          const where = `${who} ${request.method} ${request.path.slice(0, 120)}: ${request.what}`;
          if (status >= 500) failures.push(`${status} ${where}`);
          // A signed-in caller's 400 for a bad parameter names that parameter.
          if (who !== 'anonymous' && status === 400 && request.names && !names(request, field, operation)) {
            unnamed.push(`field ${String(field)} ${where}`);
          }
        }
      }
    }
    const upload = await send(
      {
        method: 'POST',
        path: '/api/attachments',
        body: {
          contentType: 'multipart/form-data; boundary=xyz',
          text: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated',
        },
        what: 'truncated multipart',
      },
      admin,
    );
    if (upload.status >= 500) failures.push(`${upload.status} truncated multipart upload`);
    // A body that is not JSON is the wrong media type, not a malformed JSON body.
    const xml = await send(
      {
        method: 'POST',
        path: '/api/api-tokens',
        body: { contentType: 'application/xml', text: '<token><name>x</name></token>' },
        what: 'an XML body',
      },
      admin,
    );
    expect(xml).toEqual({ status: 415, field: 'content-type' });
    // A bad role in an API token names the field.
    const badRole = await send(
      {
        method: 'POST',
        path: '/api/api-tokens',
        body: {
          contentType: 'application/json',
          text: JSON.stringify({ commandId: 'fuzz-token-1', name: '接口', role: 'king', districtId: 'city' }),
        },
        what: 'a bad role',
      },
      admin,
    );
    expect(badRole).toEqual({ status: 400, field: 'role' });

    expect(failures).toEqual([]);
    expect(unnamed).toEqual([]);
    expect(sent).toBeGreaterThan(1_000);
    expect(await running.platform.eventStore.headPosition()).toBe(headBefore);
    expect((await fetch(`${running.url}/health/ready`)).status).toBe(200);
  }, 600_000);
});
