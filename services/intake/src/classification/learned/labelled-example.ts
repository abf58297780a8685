import type { CaseType, EmergencyService, NotAcceptedReason } from '@hotline/contracts';

/**
 * A request with the labels it finally got: a corpus item, or a case of the city's history as the
 * agent registered it (type and category after every correction) and the unit that completed it.
 */
export interface LabelledExample {
  text: string;
  type: CaseType;
  categoryCode?: string;
  unitId?: string;
  emergency?: EmergencyService;
  notAccepted?: NotAcceptedReason;
  /** Variants of one matter share a group; cross-validation keeps a group in one fold. */
  group?: string;
}

/** The heads of the model: one multinomial regression per thing suggested. */
export const HEADS = ['type', 'category', 'unit', 'emergency', 'notAccepted'] as const;
export type Head = (typeof HEADS)[number];

/** The class of "nothing of this kind" (no category, no emergency, accepted). */
export const NONE = '-';

export const labelOf: Readonly<Record<Head, (example: LabelledExample) => string>> = {
  type: (e) => e.type,
  category: (e) => e.categoryCode ?? NONE,
  unit: (e) => e.unitId ?? NONE,
  emergency: (e) => e.emergency ?? NONE,
  notAccepted: (e) => e.notAccepted ?? NONE,
};
