import type { ClassificationSuggestion } from '@hotline/contracts';
import type { ClassifyInput, ContentClassifier } from '../content-classifier.port';
import { hasMatter } from '../has-matter';
import type { RuleClassifier } from '../rule-classifier';
import { mentionsSeveralMatters } from './several-matters';
import { decideSuggestion, type SuggestionDecision } from './suggestion-decision';
import type { TrainedClassifier } from './train-classifier';

/** Longest text classified: the rest of a very long message adds nothing but time. */
const MAX_CHARS = 4000;

const percent = (p: number) => `${Math.round(p * 100)} %`;

/**
 * The learned classifier (word and character n-gram features, the city's rules among them,
 * calibrated multinomial regressions) behind the same port as the rules. The rules the city marks
 * as overrides win; a retired category is never suggested; a text with nothing to classify gets
 * no suggestion. Until its first model is trained the rules answer; `replace` swaps in a
 * retrained model between two requests.
 */
export class LearnedClassifier implements ContentClassifier {
  private current: { trained: TrainedClassifier; version: string } | undefined;

  constructor(
    private readonly rules: RuleClassifier,
    private readonly isActive: (categoryCode: string) => boolean = () => true,
    trained?: TrainedClassifier,
    version = 'initial',
  ) {
    if (trained) this.current = { trained, version };
  }

  /** `learned:<version>`; the rules' name until the first model is trained. */
  get name(): string {
    return this.current ? `learned:${this.current.version}` : this.rules.name;
  }

  /** Least confidence to register without an agent: the threshold chosen with this model. */
  get autoRegisterConfidence(): number {
    return this.current?.trained.thresholds.autoRegister ?? this.rules.autoRegisterConfidence;
  }

  get model(): TrainedClassifier | undefined {
    return this.current?.trained;
  }

  /** Puts a newly trained model in force, between two requests. */
  replace(trained: TrainedClassifier, version: string): void {
    this.current = { trained, version };
  }

  classify(input: ClassifyInput): Promise<ClassificationSuggestion> {
    return Promise.resolve(this.classifySync(input));
  }

  /** The decision before it becomes a suggestion (the evaluation measures this). */
  decide(text: string, trained: TrainedClassifier): SuggestionDecision {
    const { model, thresholds } = trained;
    const decision = decideSuggestion(
      model.predict(text),
      thresholds,
      this.isActive,
      mentionsSeveralMatters(text),
    );
    const overrides = this.rules.overrides(text);
    if (overrides.categoryCode && overrides.categoryCode !== decision.categoryCode) {
      decision.categoryCode = overrides.categoryCode;
      decision.confidence = 0;
    }
    if (overrides.emergency) decision.emergency = { service: overrides.emergency.service, probability: 1 };
    if (overrides.notAccepted)
      decision.notAccepted = { reason: overrides.notAccepted.reason, probability: 1 };
    return decision;
  }

  classifySync(input: ClassifyInput): ClassificationSuggestion {
    const text = `${input.subject ?? ''} ${input.content}`.slice(0, MAX_CHARS);
    if (!hasMatter(text)) return { confidence: 0, signals: [], classifier: this.name };
    if (!this.current) return this.rules.classifySync({ content: text });
    const decision = this.decide(text, this.current.trained);
    const rules = this.rules.classifySync({ content: text });
    const learned = (p: number) => [`learned ${percent(p)}`];
    return {
      type: decision.type,
      ...(decision.categoryCode ? { categoryCode: decision.categoryCode } : {}),
      confidence: Math.round(decision.confidence * 1000) / 1000,
      signals: rules.signals,
      ...(decision.emergency
        ? {
            emergency: {
              service: decision.emergency.service,
              signals: rules.emergency?.signals ?? learned(decision.emergency.probability),
            },
          }
        : {}),
      ...(decision.notAccepted
        ? {
            notAccepted: {
              reason: decision.notAccepted.reason,
              signals: rules.notAccepted?.signals ?? learned(decision.notAccepted.probability),
            },
          }
        : {}),
      categories: decision.categories.map((c) => ({
        code: c.label,
        probability: Math.round(c.probability * 1000) / 1000,
      })),
      ...(decision.unit
        ? {
            unit: {
              unitId: decision.unit.label,
              probability: Math.round(decision.unit.probability * 1000) / 1000,
            },
          }
        : {}),
      classifier: this.name,
    };
  }
}
