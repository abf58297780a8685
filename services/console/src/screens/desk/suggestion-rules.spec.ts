import { suggestionApplicable } from './suggestion-rules';

describe('suggestionApplicable', () => {
  it('offers to apply a suggestion the classifier is fairly sure of', () => {
    expect(suggestionApplicable(0.3)).toBe(true);
    expect(suggestionApplicable(0.92)).toBe(true);
  });

  it('never offers a 0 % or unsure suggestion', () => {
    expect(suggestionApplicable(0)).toBe(false);
    expect(suggestionApplicable(0.29)).toBe(false);
    expect(suggestionApplicable(Number.NaN)).toBe(false);
  });
});
