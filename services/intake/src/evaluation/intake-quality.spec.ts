import { measureIntakeQuality } from './intake-quality';

/**
 * Floors under the measured figures (docs/intake-quality.md): a change to the dictionary, the
 * thresholds or the ranking that makes intake worse fails here.
 */
describe('intake quality on the labelled sets', () => {
  const quality = measureIntakeQuality();
  const { tuning, heldOut } = quality.classification;

  it('uses sets of the agreed size', () => {
    expect(tuning.cases + heldOut.cases).toBeGreaterThanOrEqual(60);
    expect(quality.duplicates.tuning.pairs + quality.duplicates.heldOut.pairs).toBeGreaterThanOrEqual(20);
    expect(quality.knowledge.queries).toBeGreaterThanOrEqual(30);
  });

  it('suggests categories precisely on the tuning set and on the held-out set', () => {
    expect(tuning.category.precision).toBeGreaterThanOrEqual(0.95);
    expect(tuning.category.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.category.precision).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.category.recall).toBeGreaterThanOrEqual(0.8);
    expect(tuning.typeAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.typeAccuracy).toBeGreaterThanOrEqual(0.6);
  });

  it('never raises a false emergency and finds most real ones', () => {
    expect(tuning.emergency.precision).toBe(1);
    expect(heldOut.emergency.precision).toBe(1);
    expect(tuning.emergency.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.emergency.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('applies the not-accepted rules', () => {
    expect(tuning.notAccepted.recall).toBeGreaterThanOrEqual(0.9);
    expect(tuning.notAccepted.precision).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.notAccepted.recall).toBeGreaterThanOrEqual(0.6);
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
