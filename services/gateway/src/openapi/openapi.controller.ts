import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { NotFoundError } from '@hotline/contracts';
import { Public } from '../auth/allow.decorator';
import { Doc, DocTag } from './doc.decorator';

/** Injection token of the generated OpenAPI document. */
export const OPENAPI_DOCUMENT = Symbol('hotline.gateway.openapi-document');

/** The files of swagger-ui-dist the page loads; nothing else of the package is served. */
const SWAGGER_FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

// No inline script or style: the page works under a CSP of script-src 'self'.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Hotline API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/api/docs/swagger-initializer.js"></script>
  </body>
</html>
`;

const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    withCredentials: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

const swaggerDir = (): string => dirname(require.resolve('swagger-ui-dist/package.json'));

/** The OpenAPI document and a Swagger UI to try it (public: it describes, it grants nothing). */
@DocTag('docs')
@Public()
@Controller('api')
export class OpenApiController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: Record<string, unknown>) {}

  @Doc({ summary: 'This OpenAPI 3.1 document.' })
  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    return this.document;
  }

  @Doc({
    summary: 'Swagger UI on this document.',
    responses: { 200: { description: 'The page.', mediaType: 'text/html' } },
  })
  @Get('docs')
  page(@Res() response: ServerResponse): void {
    send(response, 'text/html; charset=utf-8', PAGE);
  }

  @Doc({
    summary: "Swagger UI's static files and its initializer.",
    responses: { 200: { description: 'The file.', mediaType: 'application/octet-stream' } },
  })
  @Get('docs/:file')
  async file(@Param('file') file: string, @Res() response: ServerResponse): Promise<void> {
    if (file === 'swagger-initializer.js')
      return send(response, 'text/javascript; charset=utf-8', INITIALIZER);
    const type = Object.hasOwn(SWAGGER_FILES, file) ? SWAGGER_FILES[file] : undefined;
    if (type === undefined) throw new NotFoundError('file', file);
    send(response, type, await readFile(join(swaggerDir(), file)), 'public, max-age=86400');
  }
}

function send(response: ServerResponse, type: string, body: string | Buffer, cache = 'no-cache'): void {
  response.statusCode = 200;
  response.setHeader('content-type', type);
  response.setHeader('cache-control', cache);
  response.end(body);
}
