import { chooseThresholds, type ScoredDecision } from './choose-thresholds';
import { SoftmaxRegression, softmax } from './softmax-regression';
import { fitTemperature, reliability } from './temperature';
import type { SparseVector } from './text-features';

const vector = (...indices: number[]): SparseVector => ({
  indices: Int32Array.from(indices),
  values: Float32Array.from(indices, () => 1 / Math.sqrt(indices.length)),
});

describe('SoftmaxRegression', () => {
  it('learns which features point to which class', async () => {
    const model = new SoftmaxRegression(['a', 'b', 'c']);
    const examples = [
      { x: vector(1, 2), y: 0 },
      { x: vector(1, 3), y: 0 },
      { x: vector(4, 5), y: 1 },
      { x: vector(5, 6), y: 1 },
      { x: vector(7, 8), y: 2 },
    ];
    await model.fit(examples, { epochs: 30, learningRate: 1, l2: 0, seed: 1 });
    const best = (x: SparseVector) =>
      [...model.probabilities(x)].reduce((b, p, i, all) => (p > (all[b] ?? 0) ? i : b), 0);
    expect(best(vector(1))).toBe(0);
    expect(best(vector(5))).toBe(1);
    expect(best(vector(7, 8))).toBe(2);
  });

  it('gives a rare class its weight (an emergency among many ordinary requests)', async () => {
    const model = new SoftmaxRegression(['ordinary', 'rare']);
    const examples = [
      ...Array.from({ length: 60 }, (_, i) => ({ x: vector(10 + (i % 5), 1), y: 0 })),
      { x: vector(2, 1), y: 1 },
      { x: vector(2, 3), y: 1 },
    ];
    await model.fit(examples, { epochs: 10, learningRate: 1, l2: 0, seed: 1 });
    expect(model.probabilities(vector(2, 1))[1]).toBeGreaterThan(0.5);
  });
});

describe('calibration', () => {
  it('softens an over-confident model with a temperature above 1', () => {
    // Scores say 99 %, but the first class is right only 70 % of the time.
    const items = Array.from({ length: 100 }, (_, i) => ({
      scores: Float64Array.from([5, 0]),
      label: i < 70 ? 0 : 1,
    }));
    const temperature = fitTemperature(items);
    expect(temperature).toBeGreaterThan(3);
    expect(softmax(Float64Array.from([5, 0]), temperature)[0]).toBeCloseTo(0.7, 1);
  });

  it('reports reliability per confidence bin and the calibration error', () => {
    const { bins, ece } = reliability([
      { confidence: 0.95, right: true },
      { confidence: 0.95, right: false },
      { confidence: 0.15, right: false },
    ]);
    expect(bins.map((b) => b.count)).toEqual([1, 2]);
    expect(ece).toBeCloseTo((1 / 3) * 0.15 + (2 / 3) * 0.45, 6);
  });
});

describe('chooseThresholds', () => {
  const decision = (confidence: number, right: boolean, emergencyProbability = 0): ScoredDecision => ({
    example: {
      text: 'x',
      type: 'complaint',
      categoryCode: '010101',
      ...(emergencyProbability > 0.5 ? { emergency: '120' } : {}),
    },
    open: {
      type: 'complaint',
      typeProbability: 1,
      categoryCode: right ? '010101' : '010102',
      categories: [],
      confidence,
    },
    emergencyProbability,
    notAcceptedProbability: 0,
  });

  it('registers alone only above the confidence that keeps registrations right', () => {
    const scored = [
      ...Array.from({ length: 40 }, () => decision(0.95, true)),
      ...Array.from({ length: 10 }, () => decision(0.6, false)),
    ];
    const { autoRegister } = chooseThresholds(scored);
    expect(autoRegister).toBeGreaterThan(0.6);
    expect(autoRegister).toBeLessThanOrEqual(0.95);
  });

  it('registers nothing alone when no cut-off is right often enough', () => {
    const scored = Array.from({ length: 40 }, (_, i) => decision(0.9, i % 2 === 0));
    expect(chooseThresholds(scored).autoRegister).toBe(1);
  });

  it('flags emergencies low enough to find them all', () => {
    const scored = [decision(0, true, 0.9), decision(0, true, 0.3), decision(0, true, 0.6)].map((s) => ({
      ...s,
      example: { ...s.example, emergency: '120' as const },
    }));
    expect(chooseThresholds(scored).emergency).toBeLessThanOrEqual(0.3);
  });
});
