import { announcementFor } from './surge';
import { detectSurge } from './surge';

describe('surge detection (k-sigma over the same weekday and hour)', () => {
  it('flags an hour far above a noisy baseline', () => {
    // mean 10, σ = √2 ≈ 1.41: threshold 10 + 3 × 1.41 ≈ 14.2
    expect(detectSurge(15, [9, 11, 8, 12], 3)).toMatchObject({ surge: true, mean: 10 });
    expect(detectSurge(14, [9, 11, 8, 12], 3).surge).toBe(false);
  });

  it('needs more than a few calls over a flat baseline (σ has a floor of 1) and at least 1.5 × the mean', () => {
    expect(detectSurge(3, [0, 0, 0, 0], 3).surge).toBe(false);
    expect(detectSurge(4, [0, 0, 0, 0], 3).surge).toBe(true);
    expect(detectSurge(140, [100, 100, 100, 100], 3).surge).toBe(false);
  });

  it('proposes an announcement naming the matter', () => {
    expect(announcementFor('term', '停电')).toContain('“停电”相关问题');
    expect(announcementFor('place', '五一路')).toContain('五一路附近');
  });
});
