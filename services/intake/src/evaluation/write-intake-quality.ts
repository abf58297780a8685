/** Writes docs/intake-quality.md from the measurements: `npx node -r @swc-node/register <this file>`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { intakeQualityReport } from './intake-quality-report';

async function main(): Promise<void> {
  const target = join(__dirname, '../../../../docs/intake-quality.md');
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(intakeQualityReport(), { ...options, filepath: target }));
  process.stdout.write(`wrote ${target}\n`);
}

void main();
