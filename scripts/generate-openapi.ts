/**
 * Writes docs/openapi.json from the gateway's routes and their `@Doc` schemas. With --check it writes
 * nothing and exits 1 when the committed document differs from the code (API drift).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedControllers, gatewayOpenApi } from '@hotline/gateway';

const target = join(__dirname, '..', 'docs/openapi.json');
const generated = `${JSON.stringify(gatewayOpenApi(documentedControllers), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing document is drift too
  }
  if (committed !== generated) {
    console.error('docs/openapi.json is out of date with the gateway: run `npm run openapi` and commit it.');
    process.exit(1);
  }
  console.log('docs/openapi.json matches the gateway.');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
