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
type Scored<K> = { key: K } & SignalMatch;

const best = <K>(text: string, rules: ReadonlyArray<Compiled<K>>): Array<Scored<K>> =>
  rules
    .map(({ key, rule }) => ({ key, ...matchRule(text, rule) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score);

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
    const emergency = best(text, this.emergencies)[0];
    const notAccepted = best(text, this.notAccepted)[0] ?? this.outsideJurisdiction(text);
    const type = best(text, this.types)[0];
    const [first, second] = best(text, this.categories).filter((m) => this.isActive(m.key));
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
    const normalized = normalizeText(text);
    const named = <K>(prefix: string, rules: ReadonlyArray<Compiled<K>>) =>
      best(normalized, rules).map((m) => `${prefix}:${String(m.key)}`);
    return [
      ...named('type', this.types),
      ...named('category', this.categories),
      ...named('emergency', this.emergencies),
      ...named('not-accepted', this.notAccepted),
      ...(this.outsideJurisdiction(normalized) ? ['not-accepted:outside-jurisdiction'] : []),
    ];
  }

  /** What the rules the city marked as overrides say about the text (the first that fires of each kind). */
  overrides(text: string): RuleOverrides {
    const normalized = normalizeText(text);
    const first = <K>(rules: ReadonlyArray<Compiled<K>>) =>
      best(
        normalized,
        rules.filter((r) => r.rule.override),
      )[0];
    const category = first(this.categories.filter((c) => this.isActive(c.key)));
    const emergency = first(this.emergencies);
    const notAccepted = first(this.notAccepted);
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

  private outsideJurisdiction(text: string): Scored<NotAcceptedReason> | undefined {
    const elsewhere = this.outside.filter((place) => text.includes(place));
    if (elsewhere.length === 0 || this.inside.some((place) => text.includes(place))) return undefined;
    return { key: 'outside-jurisdiction', score: 1, signals: elsewhere };
  }
}
