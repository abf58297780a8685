import { CITY_DISTRICT, type QueryViewer } from '@hotline/contracts';

/** The filter that keeps a viewer to their district's contacts; the city-wide tenant sees all. */
export const districtScope = (viewer: QueryViewer): Record<string, unknown> =>
  viewer.districtId === CITY_DISTRICT ? {} : { districtId: viewer.districtId };
