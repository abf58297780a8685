import { placeAddress } from './place-address';

const PLACES = [
  {
    districtId: 'gulou',
    name: '鼓楼区',
    streets: [{ unitId: 'gulou-dongjie', name: '东街街道' }],
  },
];

describe('placeAddress', () => {
  it('puts the district and street picked in front of the typed address', () => {
    expect(placeAddress(PLACES, ['gulou', 'gulou-dongjie'], '东街口12号')).toBe('鼓楼区东街街道东街口12号');
  });

  it('does not repeat names the citizen typed already', () => {
    expect(placeAddress(PLACES, ['gulou', 'gulou-dongjie'], '鼓楼区东街街道东街口12号')).toBe(
      '鼓楼区东街街道东街口12号',
    );
    expect(placeAddress(PLACES, ['gulou'], '鼓楼区 东街口')).toBe('鼓楼区东街口');
  });

  it('keeps the typed address alone when nothing is picked, and is empty when nothing is given', () => {
    expect(placeAddress(PLACES, undefined, ' 东街口 ')).toBe('东街口');
    expect(placeAddress(PLACES, undefined, '')).toBe('');
  });
});
