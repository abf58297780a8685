/** A surge alert as a banner shows it: pushed (SurgeDetected) or found when the board opened (GetSurges). */
export interface SurgeBanner {
  id: string;
  kind: 'category' | 'term' | 'place';
  key: string;
  /** The district whose own counts surged; absent or `city` when the city's did. */
  districtId?: string;
  label: string;
  hour: string;
  count: number;
  baselineMean: number;
  announcement: string;
}

const KIND_ORDER = { category: 0, place: 1, term: 2 } as const;

/** A storm is its key in its hour and, when a district's own counts surged, that district. */
export const surgeBannerId = (surge: { kind: string; key: string; hour: string; districtId?: string }) =>
  `${surge.kind}|${surge.key}|${surge.hour}|${surge.districtId === 'city' ? '' : (surge.districtId ?? '')}`;

/** The one to act on first leads: categories before places and keywords, then the larger. */
const leadFirst = (a: SurgeBanner, b: SurgeBanner) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count;

/**
 * The banners to show, one per hour, each hour's lead first: the pushed alerts (newest first) then those
 * found when the board opened, each storm once, at most `shown` of them, none of a dismissed hour.
 * Two storms in one hour (another key, another district) are one banner: the second is named under it.
 */
export function surgeBannerHours(
  pushed: readonly SurgeBanner[],
  found: readonly SurgeBanner[],
  dismissed: ReadonlySet<string>,
  shown: number,
): SurgeBanner[][] {
  const visible: SurgeBanner[] = [];
  for (const banner of [...pushed, ...[...found].sort(leadFirst)]) {
    if (dismissed.has(banner.hour) || visible.some((other) => other.id === banner.id)) continue;
    if (visible.push(banner) === shown) break;
  }
  return [...new Set(visible.map((banner) => banner.hour))].map((hour) =>
    visible.filter((banner) => banner.hour === hour).sort(leadFirst),
  );
}
