import { sampleCalibration } from '../classification/learned/sample-calibration';
import { ratio } from '../classification/learned/measure-suggestions';
import { measureIntakeQuality, type IntakeQuality } from './intake-quality';

/**
 * Floors under the measured figures (docs/intake-quality.md): a change to the corpus, the
 * dictionary, the model or the thresholds that makes intake worse fails here. Training with
 * cross-validation takes a few tens of seconds.
 */
describe('intake quality on the labelled sets', () => {
  let quality: IntakeQuality;
  let heldOut: IntakeQuality['classification']['heldOut'];
  let corpus: IntakeQuality['classification']['corpus'];

  beforeAll(async () => {
    quality = await measureIntakeQuality();
    ({ heldOut, corpus } = quality.classification);
  }, 300_000);

  it('uses a corpus of at least 1,000 requests, a quarter held out', () => {
    expect(corpus.items).toBeGreaterThanOrEqual(1000);
    expect(corpus.heldOut / corpus.items).toBeGreaterThan(0.15);
    expect(corpus.heldOut / corpus.items).toBeLessThan(0.35);
    expect(quality.duplicates.tuning.pairs + quality.duplicates.heldOut.pairs).toBeGreaterThanOrEqual(20);
    expect(quality.knowledge.queries).toBeGreaterThanOrEqual(30);
  });

  it('suggests type, category and unit on held-out requests', () => {
    expect(ratio(heldOut.type)).toBeGreaterThanOrEqual(0.93);
    expect(ratio(heldOut.categoryTop1)).toBeGreaterThanOrEqual(0.85);
    expect(ratio(heldOut.categoryTop3)).toBeGreaterThanOrEqual(0.93);
    expect(ratio(heldOut.unitTop1)).toBeGreaterThanOrEqual(0.85);
  });

  it('finds every held-out emergency without flagging many that are not', () => {
    expect(heldOut.emergency.recall).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.emergency.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the not-accepted reasons', () => {
    expect(heldOut.notAccepted.recall).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.notAccepted.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('registers alone only what it gets right', () => {
    expect(ratio(heldOut.autoRegistered)).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.autoRegistered.share).toBeGreaterThan(0.3);
  });

  it('ships the calibration cross-validation chooses for the corpus (regenerate with write-intake-quality.ts)', () => {
    const shipped = sampleCalibration();
    expect(shipped.thresholds).toEqual(quality.classification.thresholds);
    expect(shipped.unitThroughCategory).toBe(quality.classification.unitThroughCategory);
    for (const [head, temperature] of Object.entries(quality.classification.temperatures)) {
      expect(shipped.temperatures[head as keyof typeof shipped.temperatures]).toBeCloseTo(temperature, 6);
    }
  });

  it('suggests duplicates without false merges', () => {
    const { tuning: dup, heldOut: dupHeldOut } = quality.duplicates;
    expect(dup.suggestion.precision).toBeGreaterThanOrEqual(0.9);
    expect(dup.suggestion.recall).toBeGreaterThanOrEqual(0.9);
    expect(dupHeldOut.suggestion.recall).toBeGreaterThanOrEqual(0.7);
    expect(dup.autoMerge.precision).toBe(1);
    expect(dupHeldOut.autoMerge.precision).toBe(1);
  });

  it('puts the expected knowledge article in the top three', () => {
    expect(quality.knowledge.top3).toBeGreaterThanOrEqual(0.9);
    expect(quality.knowledge.top1).toBeGreaterThanOrEqual(0.7);
  });
});
