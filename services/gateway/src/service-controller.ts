import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ListUnits, type UnitView } from '@hotline/contracts';
import { BUS_CLIENT } from './bus-client.token';
import { WorkflowRequests } from './workflow-requests';

/**
 * The base of a gateway controller that serves one service's routes (escalation, reports, routing…):
 * `requests` reach that service, `workflow` the workflow (units for names on paper). Nest injects the
 * bus client once here, so a controller declares only its routes:
 * `export class FooController extends ServiceController(FOO_SERVICE) { … }`.
 */
export function ServiceController(service: string) {
  abstract class ServiceControllerBase {
    protected readonly requests: WorkflowRequests;
    protected readonly workflow: WorkflowRequests;

    constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
      this.requests = new WorkflowRequests(bus, service);
      this.workflow = new WorkflowRequests(bus);
    }

    /** Unit names by id, retired units included: files and print show units by name, never by id. */
    protected async unitNames(request: Pick<IncomingMessage, 'headers'>): Promise<Map<string, string>> {
      const units = (await this.workflow.query(ListUnits.type, request.headers, {
        includeInactive: true,
      })) as UnitView[];
      return new Map(units.map((unit) => [unit.unitId, unit.name]));
    }
  }
  return ServiceControllerBase;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `Content-Disposition` of a download (RFC 6266): the name in UTF-8 as `filename*` (RFC 5987: every
 * byte outside attr-char percent-encoded, so `'()*` too), and an ASCII `filename` for old clients
 * with each run of other characters as `_`.
 */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = filename.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a generated file the caller downloads: private, never cached, never sniffed. */
export function downloadHeaders(response: ServerResponse, contentType: string, filename: string): void {
  response.statusCode = 200;
  response.setHeader('content-type', contentType);
  response.setHeader('content-disposition', attachmentDisposition(filename));
  response.setHeader('cache-control', 'private, no-store');
  response.setHeader('x-content-type-options', 'nosniff');
}
