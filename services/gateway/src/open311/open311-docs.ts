import { z } from 'zod';
import type { DocSpec } from '../openapi/doc.decorator';

const format = z
  .enum(['json', 'xml'])
  .describe('json or xml (the specification requires XML; both are served)');
const jurisdiction = z
  .string()
  .optional()
  .describe(
    'Optional: when given, the jurisdiction this deployment serves (HOTLINE_OPEN311_JURISDICTION_ID)',
  );
const minPosition = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe("Hotline's extension: read after that write (the position a command answered)");
const apiKey = z.string().optional().describe('The API token (hlt_…), instead of an Authorization header');
const list = (what: string) => ({
  200: { description: what, mediaType: 'application/json' },
});

/** The OpenAPI description of the Open311 GeoReport v2 routes (the bodies are JSON arrays or XML). */
export const OPEN311_DOCS = {
  services: {
    summary: 'GeoReport v2: the services (the active leaf categories of the taxonomy). No key needed.',
    params: { format },
    query: z.object({ jurisdiction_id: jurisdiction }),
    responses: list('The services: service_code, service_name, description, metadata, type, keywords, group'),
  },
  serviceDefinition: {
    summary: "GeoReport v2: a service's definition (no extra attributes: every service has metadata false).",
    params: { code: z.string().regex(/^\d{6}$/), format },
    query: z.object({ jurisdiction_id: jurisdiction }),
    responses: list('The definition: service_code and attributes'),
  },
  submit: {
    summary:
      'GeoReport v2: submit a service request as a self-service contact (form or JSON). The answer is the case number (service_request_id) when the platform registered or merged it, else a token.',
    description:
      "Idempotent: a repeated request (the same parameters, or the same `commandId`) is the same contact. The service_code is the citizen's choice of category (the classifier reads it); an agent decides when the platform cannot.",
    params: { format },
    body: z.object({
      commandId: z.string().optional().describe("Hotline's extension: the client's idempotency key"),
      api_key: apiKey,
      jurisdiction_id: jurisdiction,
      service_code: z.string().regex(/^\d{6}$/),
      lat: z.string().optional(),
      long: z.string().optional(),
      address_string: z.string().optional(),
      address_id: z.string().optional(),
      email: z.string().optional(),
      device_id: z.string().optional(),
      account_id: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      phone: z.string().optional(),
      description: z.string().optional(),
      media_url: z.string().optional(),
    }),
    responses: {
      201: {
        description: 'service_request_id or token, service_notice, account_id',
        mediaType: 'application/json',
      },
    },
  },
  search: {
    summary:
      "GeoReport v2: service requests (cases) in the key's scope, newest first, at most 100: by service_request_id, or by service_code, status and a span of 90 days at most.",
    params: { format },
    query: z.object({
      api_key: apiKey,
      jurisdiction_id: jurisdiction,
      service_request_id: z
        .string()
        .optional()
        .describe('Case numbers, comma-separated; the other filters are then ignored'),
      service_code: z.string().optional().describe('Service codes, comma-separated'),
      start_date: z.string().optional().describe('Registered at or after (ISO 8601 with offset)'),
      end_date: z.string().optional().describe('Registered at or before (ISO 8601 with offset)'),
      status: z.string().optional().describe('open, closed, or both comma-separated'),
      minPosition,
    }),
    responses: list('The service requests'),
  },
  request: {
    summary: "GeoReport v2: one service request (a case, by its case number) in the key's scope.",
    params: { requestId: z.string().regex(/^\d{7,12}$/), format },
    query: z.object({ api_key: apiKey, jurisdiction_id: jurisdiction, minPosition }),
    responses: list('A list of one service request'),
  },
  token: {
    summary: 'GeoReport v2: the service_request_id (case number) of a token, once the case exists.',
    params: { token: z.string(), format },
    query: z.object({ api_key: apiKey, jurisdiction_id: jurisdiction, minPosition }),
    responses: list(
      'A list of one: service_request_id (empty while an agent has not registered it) and token',
    ),
  },
} satisfies Record<string, DocSpec>;
