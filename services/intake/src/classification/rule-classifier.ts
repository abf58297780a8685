import {
  ValidationError,
  parseOrThrow,
  type CaseType,
  type CategoryTaxonomy,
  type ClassificationSuggestion,
  type EmergencyService,
  type NotAcceptedReason,
} from '@hotline/contracts';
import { normalizeText } from '../text/normalize-text';
import { hasMatter } from './has-matter';
import { CityDictionary, type CityDictionaryInput } from './city-dictionary.schema';
import type { ClassifyInput, ContentClassifier } from './content-classifier.port';
import { compileRule, matchRule, type SignalMatch } from './signal-matcher';

type Compiled<K> = { key: K; rule: ReturnType<typeof compileRule> };

export interface RuleOverrides {
  categoryCode?: string;
  emergency?: { service: EmergencyService; signals: string[] };
  notAccepted?: { reason: NotAcceptedReason; signals: string[] };
}
type Scored<K> = { key: K; override?: boolean } & SignalMatch;

function best<K>(text: string, rules: ReadonlyArray<Compiled<K>>): Array<Scored<K>> {
  const fired: Array<Scored<K>> = [];
  for (const { key, rule } of rules) {
    const match = matchRule(text, rule);
    if (match.score > 0) fired.push({ key, override: rule.override, ...match });
  }
  return fired.sort((a, b) => b.score - a.score);
}

/** Every rule that fires on a normalised text, best first within each kind. */
interface RuleMatches {
  types: Array<Scored<CaseType>>;
  categories: Array<Scored<string>>;
  emergencies: Array<Scored<EmergencyService>>;
  notAccepted: Array<Scored<NotAcceptedReason>>;
  outside: Scored<NotAcceptedReason> | undefined;
}

/**
 * Texts whose matches are kept: one suggestion asks about the same text up to four times (the
 * learned model's features, its first matter, the overrides, the signals).
 */
const MATCHES_KEPT = 4;

/** Signals for the event: distinct, at most twenty. */
const signalsOf = (...matches: Array<{ signals: string[] } | undefined>): string[] =>
  [...new Set(matches.flatMap((m) => m?.signals ?? []))].slice(0, 20);

/**
 * The keyword and rule classifier over a city's dictionary. Deterministic and fast (a few
 * microseconds per request): emergencies first, then not-accepted rules, the case type, and the
 * category with a confidence from how clearly the best category beats the next one.
 */
export class RuleClassifier implements ContentClassifier {
  readonly name: string;
  private readonly dictionary: CityDictionary;
  private readonly types: Array<Compiled<CaseType>>;
  private readonly categories: Array<Compiled<string>>;
  private readonly emergencies: Array<Compiled<EmergencyService>>;
  private readonly notAccepted: Array<Compiled<NotAcceptedReason>>;
  private readonly inside: string[];
  private readonly outside: string[];
  private readonly recent = new Map<string, RuleMatches>();

  constructor(
    dictionary: CityDictionaryInput,
    taxonomy: CategoryTaxonomy,
    /** The city's effective categories: a retired one is never suggested. */
    private readonly isActive: (categoryCode: string) => boolean = () => true,
  ) {
    this.dictionary = parseOrThrow(CityDictionary, dictionary, 'dictionary');
    this.dictionary.categories.forEach((category, i) => {
      if (!taxonomy.isLeaf(category.code)) {
        throw new ValidationError(
          `dictionary.categories.${i}.code`,
          `${category.code} is not a leaf of the taxonomy`,
        );
      }
    });
    const d = this.dictionary;
    this.name = `rules:${d.city}@${d.version}`;
    this.types = d.types.map((r) => ({ key: r.type, rule: compileRule(r) }));
    this.categories = d.categories.map((r) => ({ key: r.code, rule: compileRule(r) }));
    this.emergencies = d.emergencies.map((r) => ({ key: r.service, rule: compileRule(r) }));
    this.notAccepted = d.notAccepted.map((r) => ({ key: r.reason, rule: compileRule(r) }));
    this.inside = d.jurisdiction.inside.map(normalizeText);
    this.outside = d.jurisdiction.outside.map(normalizeText);
  }

  get autoRegisterConfidence(): number {
    return this.dictionary.thresholds.autoRegister;
  }

  classify(input: ClassifyInput): Promise<ClassificationSuggestion> {
    return Promise.resolve(this.classifySync(input));
  }

  classifySync(input: ClassifyInput): ClassificationSuggestion {
    const text = normalizeText(`${input.subject ?? ''} ${input.content}`);
    if (!hasMatter(text)) return { confidence: 0, signals: [], classifier: this.name };
    const matches = this.match(text);
    const emergency = matches.emergencies[0];
    const notAccepted = matches.notAccepted[0] ?? matches.outside;
    const type = matches.types[0];
    const [first, second] = matches.categories.filter((m) => this.isActive(m.key));
    const category = first && first.score >= this.dictionary.thresholds.category ? first : undefined;
    return {
      type: type?.key ?? this.dictionary.defaultType,
      ...(category ? { categoryCode: category.key } : {}),
      confidence: category ? this.confidence(category.score, second?.score ?? 0, type !== undefined) : 0,
      signals: signalsOf(type, category),
      ...(emergency ? { emergency: { service: emergency.key, signals: signalsOf(emergency) } } : {}),
      ...(notAccepted ? { notAccepted: { reason: notAccepted.key, signals: signalsOf(notAccepted) } } : {}),
      classifier: this.name,
    };
  }

  /** Every rule that fires on the text, named by what it suggests: the learned model's rule features. */
  firedRules(text: string): string[] {
    const matches = this.match(normalizeText(text));
    const named = <K>(prefix: string, fired: ReadonlyArray<Scored<K>>) =>
      fired.map((m) => `${prefix}:${String(m.key)}`);
    return [
      ...named('type', matches.types),
      ...named('category', matches.categories),
      ...named('emergency', matches.emergencies),
      ...named('not-accepted', matches.notAccepted),
      ...(matches.outside ? ['not-accepted:outside-jurisdiction'] : []),
    ];
  }

  /** What the rules the city marked as overrides say about the text (the first that fires of each kind). */
  overrides(text: string): RuleOverrides {
    const matches = this.match(normalizeText(text));
    const first = <K>(fired: ReadonlyArray<Scored<K>>) => fired.find((m) => m.override);
    const category = first(matches.categories.filter((c) => this.isActive(c.key)));
    const emergency = first(matches.emergencies);
    const notAccepted = first(matches.notAccepted);
    return {
      ...(category ? { categoryCode: category.key } : {}),
      ...(emergency ? { emergency: { service: emergency.key, signals: emergency.signals } } : {}),
      ...(notAccepted ? { notAccepted: { reason: notAccepted.key, signals: notAccepted.signals } } : {}),
    };
  }

  /**
   * How sure the suggestion is: the best category's lead over the next (1 when alone), damped for
   * weak evidence (one short keyword) and when no type rule fired.
   */
  private confidence(bestScore: number, secondScore: number, typed: boolean): number {
    const lead = (bestScore - secondScore) / bestScore;
    const evidence = 1 - Math.exp(-bestScore / 1.5);
    const value = (0.4 + 0.6 * lead) * evidence * (typed ? 1 : 0.85);
    return Math.round(value * 1000) / 1000;
  }

  /** The rules that fire on a normalised text (the last few texts' are kept). */
  private match(text: string): RuleMatches {
    const kept = this.recent.get(text);
    if (kept) return kept;
    const matches: RuleMatches = {
      types: best(text, this.types),
      categories: best(text, this.categories),
      emergencies: best(text, this.emergencies),
      notAccepted: best(text, this.notAccepted),
      outside: this.outsideJurisdiction(text),
    };
    if (this.recent.size >= MATCHES_KEPT) this.recent.clear();
    this.recent.set(text, matches);
    return matches;
  }

  private outsideJurisdiction(text: string): Scored<NotAcceptedReason> | undefined {
    const elsewhere = this.outside.filter((place) => text.includes(place));
    if (elsewhere.length === 0 || this.inside.some((place) => text.includes(place))) return undefined;
    return { key: 'outside-jurisdiction', score: 1, signals: elsewhere };
  }
}
