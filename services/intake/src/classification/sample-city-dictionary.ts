import type { CityDictionaryInput } from './city-dictionary.schema';
import sample from './dictionaries/sample-city.dictionary.json';

/**
 * The demo city's dictionary, written for this project. A city edits a copy and points
 * INTAKE_DICTIONARY_PATH at it.
 */
export const SAMPLE_CITY_DICTIONARY: CityDictionaryInput = sample as CityDictionaryInput;
