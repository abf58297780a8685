/**
 * Writes docs/asyncapi.json from the message registry. With --check it writes nothing and exits 1
 * when the committed document differs from the code (contract drift).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApi, platformRegistry } from '@hotline/contracts';

const root = join(__dirname, '..');
const target = join(root, 'docs/asyncapi.json');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const generated = `${JSON.stringify(buildAsyncApi(platformRegistry(), version), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing document is drift too
  }
  if (committed !== generated) {
    console.error(
      'docs/asyncapi.json is out of date with the contracts: run `npm run asyncapi` and commit it.',
    );
    process.exit(1);
  }
  console.log('docs/asyncapi.json matches the contracts.');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
