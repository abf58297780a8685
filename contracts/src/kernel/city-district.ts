/**
 * The city-wide tenant's district id. Its own file, free of schemas, so the console can read it
 * without bundling zod and every contract into the desk's first load (docs/benchmarks.md).
 */
export const CITY_DISTRICT = 'city';
