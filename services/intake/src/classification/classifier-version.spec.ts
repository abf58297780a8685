import { modelVersion } from './classifier-trainer';

describe('modelVersion', () => {
  it('names a model by the history it learned from, so a restart on the same history records nothing new', () => {
    const window = { cases: 312, from: '2026-11-06T01:00:00.000Z', to: '2026-12-06T09:41:27.000Z' };
    expect(modelVersion(window, 'schedule')).toBe(modelVersion({ ...window }, 'schedule'));
    expect(modelVersion(window, 'schedule')).toBe('202612060941x312');
  });

  it('gives a start and a scheduled training on the same history one name', () => {
    const window = { cases: 312, to: '2026-12-06T09:41:27.000Z' };
    expect(modelVersion(window, 'start')).toBe(modelVersion(window, 'schedule'));
  });

  it('changes name when the city has more cases to learn from, and when the center asks', () => {
    const window = { cases: 312, to: '2026-12-06T09:41:27.000Z' };
    expect(modelVersion({ cases: 313, to: '2026-12-06T09:45:00.000Z' }, 'schedule')).not.toBe(
      modelVersion(window, 'schedule'),
    );
    expect(modelVersion(window, 'on-demand')).not.toBe(modelVersion(window, 'schedule'));
  });

  it('names the shipped corpus alone when the city has no cases yet', () => {
    expect(modelVersion({ cases: 0 }, 'start')).toBe('corpus');
  });
});
