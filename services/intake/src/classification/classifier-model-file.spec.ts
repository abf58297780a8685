import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import { createLogger } from '@hotline/infra/telemetry';
import { ClassifierModelFile, modelBasis } from './classifier-model-file';
import { ClassifierTrainer, modelVersion } from './classifier-trainer';
import type { LabelledHistory, TrainingWindow } from './labelled-history';
import { loadCorpus } from './corpus/load-corpus';
import { classifierFeatures } from './learned/classifier-features';
import { LearnedClassifier } from './learned/learned-classifier';
import { sampleCalibration } from './learned/sample-calibration';
import { CLASSIFIER_TRAINING, trainClassifier, type TrainedClassifier } from './learned/train-classifier';
import { jiebaSegmenter } from './learned/word-segmenter';
import { RuleClassifier } from './rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from './sample-city-dictionary';

const logger = createLogger({ service: 'intake-test', level: 'silent' });
const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, new CategoryTaxonomy(SAMPLE_CATEGORIES));
const featurize = classifierFeatures(rules, jiebaSegmenter());
const calibration = sampleCalibration();
const basis = modelBasis({ dictionary: SAMPLE_CITY_DICTIONARY, training: {}, calibration, featurize });
const texts = [
  '我们小区门口的路灯坏了一个多星期',
  '隔壁工地每天夜里十二点还在施工，噪音太大',
  '楼下电动车棚着火了',
];

describe('ClassifierModelFile', () => {
  let dir: string;
  let trained: TrainedClassifier;

  beforeAll(async () => {
    // A small part of the corpus: the file must keep what any model learned, not a good one.
    trained = await trainClassifier(loadCorpus('training').slice(0, 300), featurize, calibration, {
      ...CLASSIFIER_TRAINING,
      epochs: 2,
    });
  }, 60_000);
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hotline-model-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fileIn = (path: string, withBasis = basis) =>
    new ClassifierModelFile(path, withBasis, featurize, logger);

  it('gives back the model it kept: the same predictions, thresholds and version', () => {
    const path = join(dir, 'classifier', 'model.bin');
    fileIn(path).save({ trained, version: '202612060941x312', calibrated: true });
    const loaded = fileIn(path).load();
    expect(loaded).toMatchObject({ version: '202612060941x312', calibrated: true });
    expect(loaded?.trained.thresholds).toEqual(trained.thresholds);
    for (const text of texts)
      expect(loaded?.trained.model.predict(text)).toEqual(trained.model.predict(text));
  });

  it('has no model when there is no file, when it was kept for another basis, or when it is damaged', () => {
    const path = join(dir, 'model.bin');
    expect(fileIn(path).load()).toBeUndefined();
    fileIn(path, 'another dictionary').save({ trained, version: 'corpus', calibrated: false });
    expect(fileIn(path).load()).toBeUndefined();
    fileIn(path).save({ trained, version: 'corpus', calibrated: false });
    writeFileSync(path, Buffer.from('truncated'));
    expect(fileIn(path).load()).toBeUndefined();
  });

  it('changes basis when the features change', () => {
    const other = modelBasis({
      dictionary: SAMPLE_CITY_DICTIONARY,
      training: {},
      calibration,
      featurize: (text) => featurize(text.slice(1)),
    });
    expect(other).not.toBe(basis);
  });

  describe('with the trainer', () => {
    const window: TrainingWindow = { cases: 312, to: '2026-12-06T09:41:27.000Z' };
    let reads = 0;
    const history = {
      read: () => {
        reads++;
        return Promise.resolve({ examples: [], window });
      },
    } as unknown as LabelledHistory;
    // Loading and skipping a training record nothing: a command would be a bug here.
    const commandDeps = new Proxy({} as CommandHandlerDeps, {
      get: () => {
        throw new Error('no command expected');
      },
    });
    const trainerWith = (path: string, classifier: LearnedClassifier) =>
      new ClassifierTrainer({
        classifier,
        rules,
        history,
        calibration,
        commandDeps,
        clock: { now: () => new Date('2026-12-07T00:00:00.000Z') },
        logger,
        retrainEveryHours: 0,
        modelFile: fileIn(path),
      });

    beforeEach(() => (reads = 0));

    it('puts the model on file in force at start, without reading the history or training', async () => {
      const path = join(dir, 'model.bin');
      fileIn(path).save({ trained, version: modelVersion(window, 'schedule'), calibrated: true });
      const classifier = new LearnedClassifier(rules);
      const trainer = trainerWith(path, classifier);
      await trainer.start();
      expect(trainer.ready).toBe(true);
      expect(classifier.name).toBe('learned:202612060941x312');
      expect(reads).toBe(0);
      expect(classifier.classifySync({ content: texts[0]! }).categoryCode).toBe(
        trained.model.predict(texts[0]!).category[0]?.label,
      );
      trainer.stop();
    });

    it('does not learn again a history the model on file was calibrated on', async () => {
      const path = join(dir, 'model.bin');
      fileIn(path).save({ trained, version: modelVersion(window, 'schedule'), calibrated: true });
      const classifier = new LearnedClassifier(rules);
      const trainer = trainerWith(path, classifier);
      await trainer.start();
      const inForce = classifier.model;
      await trainer.learnFromHistory();
      expect(reads).toBeGreaterThan(0);
      expect(classifier.model).toBe(inForce);
      trainer.stop();
    });
  });
});
