import { systemActor, type Clock, type ClassifierQuality } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { Logger } from '@hotline/infra/telemetry';
import { CLASSIFIER_MODEL_ID, classifierModelAggregate } from './classifier-model.aggregate';
import type { ClassifierModelFile } from './classifier-model-file';
import type { LabelledHistory, TrainingWindow } from './labelled-history';
import { trainWithCorpus } from './learned/corpus-classifier';
import type { LearnedClassifier } from './learned/learned-classifier';
import { ratio, type SuggestionQuality } from './learned/measure-suggestions';
import type { Calibration, TrainedClassifier } from './learned/train-classifier';
import type { RuleClassifier } from './rule-classifier';

export type TrainingReason = 'start' | 'schedule' | 'on-demand';

export interface ClassifierTrainerDeps {
  classifier: LearnedClassifier;
  rules: RuleClassifier;
  history: LabelledHistory;
  /** The shipped corpus's calibration: a start trains once with it instead of cross-validating. */
  calibration: Calibration & { quality?: ClassifierQuality };
  commandDeps: CommandHandlerDeps;
  clock: Clock;
  logger: Logger;
  /** Hours between scheduled retrainings; 0: none. */
  retrainEveryHours: number;
  /** Where the model in force is kept, so that a restart loads it instead of training. */
  modelFile?: ClassifierModelFile;
}

/** Lets requests through between training chunks. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export function qualitySummary(q: SuggestionQuality): ClassifierQuality {
  return {
    type: ratio(q.type),
    categoryTop1: ratio(q.categoryTop1),
    categoryTop3: ratio(q.categoryTop3),
    unitTop1: ratio(q.unitTop1),
    emergencyRecall: q.emergency.recall,
    emergencyPrecision: q.emergency.precision,
    notAcceptedRecall: q.notAccepted.recall,
    autoRegisteredRight: ratio(q.autoRegistered),
    autoRegisteredShare: q.autoRegistered.share,
  };
}

/**
 * Trains the learned classifier from the shipped corpus and the city's labelled history: at start
 * on the corpus (with the shipped calibration, one training), then on the history once it is read,
 * on its schedule and on demand (with cross-validation, so the thresholds fit the city's own cases). Training runs in chunks that let
 * requests through; one at a time. Each model in force is recorded as ClassifierModelTrained and
 * kept on file: a restart loads it (no training before ready, whatever the history's size), and the
 * history, once read, is learned again only when it has moved on since.
 */
export class ClassifierTrainer {
  private running: Promise<void> | undefined;
  private queued: TrainingReason | undefined;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private inForce: { version: string; calibrated: boolean } | undefined;

  constructor(private readonly deps: ClassifierTrainerDeps) {}

  /** Whether the training at start has ended (should it fail, the rules answer and it says so in the log). */
  get ready(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    const onFile = this.deps.modelFile?.load();
    if (onFile) {
      this.deps.classifier.replace(onFile.trained, onFile.version);
      this.inForce = { version: onFile.version, calibrated: onFile.calibrated };
      this.deps.logger.info({ version: onFile.version }, 'classifier model in force, loaded from file');
    } else {
      await this.retrain('start');
    }
    this.started = true;
    const hours = this.deps.retrainEveryHours;
    if (hours > 0) {
      this.timer = setInterval(() => void this.retrain('schedule'), hours * 3_600_000);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Once the history is caught up at start: a city with cases of its own gets a model trained on them. */
  async learnFromHistory(): Promise<void> {
    if ((await this.deps.history.read()).window.cases > 0) await this.retrain('schedule');
  }

  /**
   * Trains again; when a training is under way, once more after it (what was asked after it began
   * is then learned too). Never throws: a failure is logged and the model in force stays.
   */
  retrain(reason: TrainingReason): Promise<void> {
    if (this.running) {
      this.queued = reason;
      return this.running;
    }
    this.running = (async () => {
      for (let next: TrainingReason | undefined = reason; next;) {
        this.queued = undefined;
        await this.train(next).catch((error: unknown) =>
          this.deps.logger.error({ err: error, reason: next }, 'classifier training failed'),
        );
        next = this.queued;
      }
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async train(reason: TrainingReason): Promise<void> {
    const { classifier, rules, history, calibration, clock, logger } = this.deps;
    const { examples, window } = await history.read();
    if (reason === 'schedule' && this.learned(window)) {
      logger.debug({ version: this.inForce?.version }, 'classifier model in force has learned this history');
      return;
    }
    const trained = await trainWithCorpus(
      rules,
      examples,
      reason === 'start' ? calibration : undefined,
      yieldToRequests,
    );
    const trainedAt = clock.now().toISOString();
    const version = modelVersion(window, reason);
    classifier.replace(trained, version);
    this.inForce = { version, calibrated: reason !== 'start' };
    this.keep(trained, version, reason);
    await this.record(trained, { version, reason, trainedAt, window });
    logger.info(
      { version, reason, cases: window.cases, trainingMs: Math.round(trained.trainingMs) },
      'classifier model in force',
    );
  }

  /** Whether the model in force was calibrated on this very history (a retraining would learn nothing). */
  private learned(window: TrainingWindow): boolean {
    const inForce = this.inForce;
    return !!inForce?.calibrated && basisOf(inForce.version) === modelVersion(window, 'schedule');
  }

  private keep(trained: TrainedClassifier, version: string, reason: TrainingReason): void {
    try {
      this.deps.modelFile?.save({ trained, version, calibrated: reason !== 'start' });
    } catch (error) {
      // The model is in force all the same; the next start trains instead of loading.
      this.deps.logger.warn({ err: error, version }, 'classifier model could not be kept on file');
    }
  }

  private async record(
    trained: TrainedClassifier,
    about: {
      version: string;
      reason: TrainingReason;
      trainedAt: string;
      window: TrainingWindow;
    },
  ): Promise<void> {
    const quality = trained.crossValidation
      ? qualitySummary(trained.crossValidation)
      : this.deps.calibration.quality;
    await handleCommand(this.deps.commandDeps, {
      aggregate: classifierModelAggregate,
      id: CLASSIFIER_MODEL_ID,
      command: {
        commandId: `classifier-model-${about.version}`,
        type: 'RecordModel',
        data: {
          ...about,
          corpusExamples: trained.examples - about.window.cases,
          thresholds: trained.thresholds,
          ...(quality ? { quality } : {}),
          trainingMs: Math.round(trained.trainingMs),
        },
        metadata: {
          correlationId: `classifier-${about.version}`,
          actor: systemActor('intake-classifier'),
          districtId: 'city',
        },
      },
    });
  }
}

/**
 * A model is named by what it learned from, not by when: the same history gives the same name, whether
 * trained at a start or on the schedule, so a restart records no second `ClassifierModelTrained` (the
 * command id is the name). A training the center asks for is named apart, and recorded once per history.
 */
export function modelVersion(window: TrainingWindow, reason: TrainingReason): string {
  const basis =
    window.cases === 0 || !window.to
      ? 'corpus'
      : `${window.to.slice(0, 16).replace(/[-:T]/gu, '')}x${window.cases}`;
  return reason === 'on-demand' ? `${basis}${ON_DEMAND}` : basis;
}

const ON_DEMAND = '-on-demand';

/** The history a version names, whatever the reason it was trained for. */
const basisOf = (version: string) =>
  version.endsWith(ON_DEMAND) ? version.slice(0, -ON_DEMAND.length) : version;
