import { keywordsOf, placeKeyOf } from './topic-keys';

describe('hot-topic keys', () => {
  it('takes the matter from a request, not its place names', () => {
    const words = keywordsOf('仓山区临江街道上渡路榕江新城3期新交付的房子外墙渗水');
    expect(words).toEqual(expect.arrayContaining(['外墙', '渗水']));
    expect(words).not.toEqual(expect.arrayContaining(['临江']));
    expect(words.some((word) => /区|街道|路$/.test(word))).toBe(false);
  });

  it('groups places by the address up to its street, road or estate', () => {
    expect(placeKeyOf('仓山区临江街道上渡路榕江新城3期')).toBe('仓山区临江街道');
    expect(placeKeyOf('鼓楼区五一路12号')).toBe('鼓楼区五一路');
    expect(placeKeyOf(null)).toBeUndefined();
  });
});
