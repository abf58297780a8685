import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { buildOpenApi } from './build-openapi';

/** The gateway's OpenAPI document, versioned like the gateway package (the same at runtime and in docs/). */
export function gatewayOpenApi(controllers: readonly Type[]): Record<string, unknown> {
  const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  return buildOpenApi({ version, controllers });
}
