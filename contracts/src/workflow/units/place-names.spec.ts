import { districtOfAddress, districtPlaceName, streetPlaceName } from './place-names';

const DISTRICTS = [
  { districtId: 'gulou', name: '鼓楼区' },
  { districtId: 'taijiang', name: '台江区' },
];

describe('place names', () => {
  it('names a district by its place, not its office', () => {
    expect(districtPlaceName('鼓楼区人民政府')).toBe('鼓楼区');
    expect(districtPlaceName('鼓楼区')).toBe('鼓楼区');
  });

  it('names a street without its district in front', () => {
    expect(streetPlaceName('鼓楼区东街街道', '鼓楼区')).toBe('东街街道');
    expect(streetPlaceName('洋中街道', '台江区')).toBe('洋中街道');
  });

  it('finds the district an address names, with the city in front and spaces inside', () => {
    expect(districtOfAddress('福州市鼓楼区五四路88号', DISTRICTS)).toBe('gulou');
    expect(districtOfAddress('台江 区 八一七中路', DISTRICTS)).toBe('taijiang');
  });

  it('names no district when the address names none or several', () => {
    expect(districtOfAddress('五四路88号', DISTRICTS)).toBeUndefined();
    expect(districtOfAddress('鼓楼区与台江区交界处', DISTRICTS)).toBeUndefined();
    expect(districtOfAddress(undefined, DISTRICTS)).toBeUndefined();
  });
});
