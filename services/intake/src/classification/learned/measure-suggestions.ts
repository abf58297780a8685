import type { CaseType } from '@hotline/contracts';
import type { LabelledExample } from './labelled-example';
import type { SuggestionDecision } from './suggestion-decision';
import { reliability, type ReliabilityBin } from './temperature';

export interface Rate {
  right: number;
  of: number;
}

export interface DetectionQuality {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface SuggestionQuality {
  requests: number;
  type: Rate;
  typeByKind: Partial<Record<CaseType, Rate>>;
  categoryTop1: Rate;
  categoryTop3: Rate;
  unitTop1: Rate;
  /** Flagged or not, whatever the service: a flag sends the agent to confirm. */
  emergency: DetectionQuality;
  /** A not-accepted reason suggested, and the right one. */
  notAccepted: DetectionQuality;
  autoRegistered: Rate & { share: number };
  /** Category top 1 per expected leaf. */
  categoryByCode: Record<string, Rate>;
  /** Per expected emergency service: how many were flagged, and with that service. */
  emergencyByService: Record<string, { flagged: number; rightService: number; of: number }>;
  /** Per not-accepted reason, suggested or expected. */
  notAcceptedByReason: Record<string, DetectionQuality>;
  /** The most frequent wrong answers: expected → given, and how often. */
  confusions: { type: Confusion[]; category: Confusion[] };
  reliability: {
    type: { bins: ReliabilityBin[]; ece: number };
    category: { bins: ReliabilityBin[]; ece: number };
  };
  misses: Array<{ text: string; field: string; expected: string; got: string }>;
}

export interface Confusion {
  expected: string;
  got: string;
  count: number;
}

const rate = (right: number, of: number): Rate => ({ right, of });
export const ratio = (r: Rate): number => (r.of === 0 ? 1 : r.right / r.of);

function detection(pairs: ReadonlyArray<{ expected?: string; got?: string }>): DetectionQuality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, got } of pairs) {
    if (got !== undefined && got === expected) tp++;
    else {
      if (got !== undefined) fp++;
      if (expected !== undefined) fn++;
    }
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

function confusions(pairs: ReadonlyArray<{ expected: string; got: string }>, top = 8): Confusion[] {
  const counts = new Map<string, number>();
  for (const { expected, got } of pairs) {
    if (expected !== got)
      counts.set(`${expected}\u0000${got}`, (counts.get(`${expected}\u0000${got}`) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [expected = '', got = ''] = key.split('\u0000');
      return { expected, got, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected))
    .slice(0, top);
}

/** Every figure of docs/intake-quality.md for one set of labelled requests and the decisions made on them. */
export function measureSuggestions(
  items: ReadonlyArray<{ example: LabelledExample; decision: SuggestionDecision }>,
  autoRegisterThreshold: number,
): SuggestionQuality {
  const withCategory = items.filter((i) => i.example.categoryCode);
  const withUnit = items.filter((i) => i.example.unitId);
  const typeByKind: Partial<Record<CaseType, Rate>> = {};
  for (const { example, decision } of items) {
    const r = (typeByKind[example.type] ??= rate(0, 0));
    r.of++;
    if (decision.type === example.type) r.right++;
  }
  const auto = items.filter(
    (i) => i.decision.confidence >= autoRegisterThreshold && !i.decision.emergency && !i.decision.notAccepted,
  );
  const autoRight = auto.filter(
    ({ example, decision }) =>
      decision.type === example.type &&
      decision.categoryCode === example.categoryCode &&
      !example.emergency &&
      !example.notAccepted,
  );
  const misses: SuggestionQuality['misses'] = [];
  const miss = (text: string, field: string, expected?: string, got?: string) => {
    if (expected !== got) misses.push({ text, field, expected: expected ?? '—', got: got ?? '—' });
  };
  for (const { example, decision } of items) {
    miss(example.text, 'type', example.type, decision.type);
    if (example.categoryCode) miss(example.text, 'category', example.categoryCode, decision.categoryCode);
    miss(example.text, 'emergency', example.emergency, decision.emergency?.service);
    miss(example.text, 'not accepted', example.notAccepted, decision.notAccepted?.reason);
  }
  const categoryByCode: Record<string, Rate> = {};
  for (const { example, decision } of withCategory) {
    const r = (categoryByCode[example.categoryCode ?? ''] ??= rate(0, 0));
    r.of++;
    if (decision.categoryCode === example.categoryCode) r.right++;
  }
  const emergencyByService: SuggestionQuality['emergencyByService'] = {};
  for (const { example, decision } of items) {
    if (!example.emergency) continue;
    const e = (emergencyByService[example.emergency] ??= { flagged: 0, rightService: 0, of: 0 });
    e.of++;
    if (decision.emergency) e.flagged++;
    if (decision.emergency?.service === example.emergency) e.rightService++;
  }
  const reasons = new Set(
    items.flatMap((i) =>
      [i.example.notAccepted, i.decision.notAccepted?.reason].filter((r) => r !== undefined),
    ),
  );
  const notAcceptedByReason = Object.fromEntries(
    [...reasons].sort().map((reason) => [
      reason,
      detection(
        items.map((i) => ({
          ...(i.example.notAccepted === reason ? { expected: reason } : {}),
          ...(i.decision.notAccepted?.reason === reason ? { got: reason } : {}),
        })),
      ),
    ]),
  );
  return {
    requests: items.length,
    categoryByCode,
    emergencyByService,
    notAcceptedByReason,
    type: rate(items.filter((i) => i.decision.type === i.example.type).length, items.length),
    typeByKind,
    categoryTop1: rate(
      withCategory.filter((i) => i.decision.categoryCode === i.example.categoryCode).length,
      withCategory.length,
    ),
    categoryTop3: rate(
      withCategory.filter((i) => i.decision.categories.some((c) => c.label === i.example.categoryCode))
        .length,
      withCategory.length,
    ),
    unitTop1: rate(
      withUnit.filter((i) => i.decision.unit?.label === i.example.unitId).length,
      withUnit.length,
    ),
    emergency: detection(
      items.map((i) => ({
        ...(i.example.emergency ? { expected: 'yes' } : {}),
        ...(i.decision.emergency ? { got: 'yes' } : {}),
      })),
    ),
    notAccepted: detection(
      items.map((i) => ({
        ...(i.example.notAccepted ? { expected: i.example.notAccepted } : {}),
        ...(i.decision.notAccepted ? { got: i.decision.notAccepted.reason } : {}),
      })),
    ),
    autoRegistered: {
      ...rate(autoRight.length, auto.length),
      share: auto.length / Math.max(1, items.length),
    },
    confusions: {
      type: confusions(items.map((i) => ({ expected: i.example.type, got: i.decision.type }))),
      category: confusions(
        withCategory.map((i) => ({
          expected: i.example.categoryCode ?? '—',
          got: i.decision.categoryCode ?? '—',
        })),
      ),
    },
    reliability: {
      type: reliability(
        items.map((i) => ({
          confidence: i.decision.typeProbability,
          right: i.decision.type === i.example.type,
        })),
      ),
      category: reliability(
        withCategory.map((i) => ({
          confidence: i.decision.categories[0]?.probability ?? 0,
          right: i.decision.categories[0]?.label === i.example.categoryCode,
        })),
      ),
    },
    misses,
  };
}
