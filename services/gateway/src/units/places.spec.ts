import { districtPlaceName, streetPlaceName } from './places.controller';

describe('place names for the portal picker', () => {
  it('names a district by its place, not its office', () => {
    expect(districtPlaceName('鼓楼区人民政府')).toBe('鼓楼区');
    expect(districtPlaceName('鼓楼区')).toBe('鼓楼区');
  });

  it('names a street without its district in front', () => {
    expect(streetPlaceName('鼓楼区东街街道', '鼓楼区')).toBe('东街街道');
    expect(streetPlaceName('洋中街道', '台江区')).toBe('洋中街道');
  });
});
