import { readFileSync } from 'node:fs';
import { ConfigError } from '@hotline/infra/config';
import type { CityDictionaryInput } from './city-dictionary.schema';
import { SAMPLE_CITY_DICTIONARY } from './sample-city-dictionary';

/** The city's dictionary from INTAKE_DICTIONARY_PATH, or the sample city's; a missing or broken file stops the service. */
export function loadCityDictionary(path: string | undefined): CityDictionaryInput {
  if (path === undefined) return SAMPLE_CITY_DICTIONARY;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CityDictionaryInput;
  } catch (error) {
    throw new ConfigError('intake', [
      { variable: 'INTAKE_DICTIONARY_PATH', reason: `cannot be read as JSON: ${(error as Error).message}` },
    ]);
  }
}
