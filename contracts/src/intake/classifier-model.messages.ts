import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { IsoDateTime, Note } from '../workflow/case.values';
import { CLASSIFIER_MODEL_CATEGORY, INTAKE_SERVICE } from './intake.values';

const Ratio = z.number().min(0).max(1);

export const TrainClassifier = defineCommand({
  type: 'TrainClassifier',
  service: INTAKE_SERVICE,
  summary:
    "Train the intake classifier again now, on the shipped corpus and the city's labelled history (it also retrains on a schedule).",
  schema: z.object({ note: Note.optional() }),
});

export const ClassifierTrainingRequested = defineEvent({
  type: 'ClassifierTrainingRequested',
  version: 1,
  category: CLASSIFIER_MODEL_CATEGORY,
  summary: 'Someone asked for the intake classifier to be trained again.',
  schema: z.object({ note: Note.optional() }),
});

/** Figures of a model on its own cross-validation folds (or the shipped corpus's, when trained with its calibration). */
export const ClassifierQuality = z.object({
  type: Ratio,
  categoryTop1: Ratio,
  categoryTop3: Ratio,
  unitTop1: Ratio,
  emergencyRecall: Ratio,
  emergencyPrecision: Ratio,
  notAcceptedRecall: Ratio,
  autoRegisteredRight: Ratio,
  autoRegisteredShare: Ratio,
});
export type ClassifierQuality = z.infer<typeof ClassifierQuality>;

export const ClassifierModelTrained = defineEvent({
  type: 'ClassifierModelTrained',
  version: 1,
  category: CLASSIFIER_MODEL_CATEGORY,
  summary: 'A new intake classifier model is in force: its name, what it learned from and how well it does.',
  schema: z.object({
    /** The model's name, also in every suggestion it makes (`learned:<version>`). */
    version: z.string().min(1).max(60),
    reason: z.enum(['start', 'schedule', 'on-demand']),
    trainedAt: IsoDateTime,
    /** The city's cases it learned from, by registration time; the shipped corpus comes on top. */
    window: z.object({
      cases: z.number().int().nonnegative(),
      from: IsoDateTime.optional(),
      to: IsoDateTime.optional(),
    }),
    corpusExamples: z.number().int().nonnegative(),
    thresholds: z.object({ emergency: Ratio, notAccepted: Ratio, autoRegister: Ratio }),
    quality: ClassifierQuality.optional(),
    trainingMs: z.number().nonnegative(),
  }),
});

export const classifierModelCommands = [TrainClassifier] as const;
export const classifierModelEvents = [ClassifierTrainingRequested, ClassifierModelTrained] as const;
