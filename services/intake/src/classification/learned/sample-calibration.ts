import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassifierQuality } from '@hotline/contracts';
import type { Calibration } from './train-classifier';

export const SAMPLE_CALIBRATION_PATH = join(__dirname, 'sample-city.calibration.json');

/**
 * The temperatures and thresholds cross-validation chose for the shipped corpus and dictionary,
 * computed ahead (write-intake-quality.ts writes it, intake-quality.spec.ts checks it is current),
 * so that a start trains once instead of five times.
 */
export const sampleCalibration = (): Calibration & { quality?: ClassifierQuality } =>
  JSON.parse(readFileSync(SAMPLE_CALIBRATION_PATH, 'utf8')) as Calibration & { quality?: ClassifierQuality };
