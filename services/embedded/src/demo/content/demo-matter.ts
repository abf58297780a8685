import type { CaseType } from '@hotline/contracts';

/** Who handles a matter: the street office of the place, its district, or a city unit. */
export type MatterHandler = { kind: 'street' } | { kind: 'district' } | { kind: 'city'; unitId: string };

/**
 * One kind of citizen request of the demo city, written for the demo: the texts a citizen might
 * send (`{addr}` is replaced by an address of the district), what the unit replies, and for
 * questions the knowledge article an agent answers from.
 */
export interface DemoMatter {
  key: string;
  categoryCode: string;
  /** The case types the matter comes as; the first is the usual one. */
  types: readonly CaseType[];
  handler: MatterHandler;
  texts: readonly string[];
  results: readonly string[];
  /** Asked as a question and answered at intake from this article. */
  answer?: { articleId: string; text: string };
}
