/**
 * Writes docs/intake-quality.md from the measurements, and the shipped corpus's calibration:
 * `npx node -r @swc-node/register <this file>`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { qualitySummary } from '../classification/classifier-trainer';
import { SAMPLE_CALIBRATION_PATH } from '../classification/learned/sample-calibration';
import { intakeQualityReport } from './intake-quality-report';
import { measureIntakeQuality } from './intake-quality';

async function main(): Promise<void> {
  const quality = await measureIntakeQuality();
  const target = join(__dirname, '../../../../docs/intake-quality.md');
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(intakeQualityReport(quality), { ...options, filepath: target }));
  const { temperatures, unitThroughCategory, thresholds, crossValidation } = quality.classification;
  const calibration = {
    temperatures,
    unitThroughCategory,
    thresholds,
    ...(crossValidation ? { quality: qualitySummary(crossValidation) } : {}),
  };
  writeFileSync(SAMPLE_CALIBRATION_PATH, `${JSON.stringify(calibration, null, 2)}\n`);
  process.stdout.write(`wrote ${target} and ${SAMPLE_CALIBRATION_PATH}\n`);
}

void main();
