import { DEFAULT_DUPLICATE_POLICY } from './duplicate-policy';
import {
  concludedRepeat,
  rankDuplicates,
  scoreCandidate,
  type CaseFingerprint,
  type DuplicateProbe,
} from './duplicate-scorer';
import { placeKeysOf } from './place-keys';
import { contentShingles } from './text-fingerprint';

const NOW = new Date('2025-06-02T02:00:00.000Z');
const policy = DEFAULT_DUPLICATE_POLICY;
const fingerprint = (
  caseId: string,
  content: string,
  extra: Partial<CaseFingerprint> = {},
): CaseFingerprint => ({
  caseId,
  placeKeys: placeKeysOf(undefined, content),
  shingles: contentShingles(content),
  open: true,
  registeredAt: '2025-05-30T02:00:00.000Z',
  ...extra,
});
const probe = (content: string, extra: Partial<DuplicateProbe> = {}): DuplicateProbe => ({
  placeKeys: placeKeysOf(undefined, content),
  shingles: contentShingles(content),
  ...extra,
});

describe('place keys', () => {
  it('keys an address without its house number, the grid cell, and the places a text names', () => {
    expect(placeKeysOf({ address: '鼓楼区五四路88号3栋', lat: 26.09, lng: 119.3 }, '')).toEqual(
      expect.arrayContaining(['addr:鼓楼区五四路', 'name:五四路', expect.stringMatching(/^geo:/)]),
    );
    expect(placeKeysOf(undefined, '我上周反映的幸福小区门口路灯不亮')).toEqual(['name:幸福小区']);
  });
});

describe('duplicate scoring', () => {
  it('scores the same caller with similar words above a stranger with the same words', () => {
    const open = fingerprint('case-1', '幸福小区门口路灯坏了一周', {
      phone: '13800138000',
      categoryCode: '010102',
    });
    const text = '幸福小区门口的路灯还没修';
    const caller = scoreCandidate(
      probe(text, { phone: '13800138000', categoryCode: '010102' }),
      open,
      policy,
      NOW,
    );
    const stranger = scoreCandidate(probe(text, { phone: '13900000000' }), open, policy, NOW);
    expect(caller.suggestion.reasons).toEqual(
      expect.arrayContaining(['same-caller', 'same-place', 'same-category']),
    );
    expect(caller.suggestion.score).toBeGreaterThan(stranger.suggestion.score);
    expect(caller.sameCaller).toBe(true);
  });

  it('does not count the same caller beyond the window', () => {
    const old = fingerprint('case-1', '路灯坏了', {
      phone: '13800138000',
      registeredAt: '2025-03-01T00:00:00.000Z',
    });
    expect(scoreCandidate(probe('路灯坏了', { phone: '13800138000' }), old, policy, NOW).sameCaller).toBe(
      false,
    );
  });

  it('ranks open cases above the threshold, best first, and leaves out concluded ones', () => {
    const ranked = rankDuplicates(
      probe('光明港河水发黑发臭有死鱼'),
      [
        fingerprint('near', '光明港河水发黑发臭'),
        fingerprint('far', '医保卡丢了怎么补办'),
        fingerprint('closed', '光明港河水发黑发臭有死鱼', { open: false }),
      ],
      policy,
      NOW,
      5,
    );
    expect(ranked.map((r) => r.suggestion.caseId)).toEqual(['near']);
  });

  it('finds the caller’s concluded case repeated with the same facts', () => {
    const closed = fingerprint('closed', '光明港河水发黑发臭有死鱼', { open: false, phone: '13800138000' });
    expect(
      concludedRepeat(probe('光明港河水发黑发臭有死鱼', { phone: '13800138000' }), [closed], policy, NOW)
        ?.candidate.caseId,
    ).toBe('closed');
    expect(
      concludedRepeat(probe('光明港河水发黑发臭有死鱼', { phone: '13900000000' }), [closed], policy, NOW),
    ).toBeUndefined();
  });
});
