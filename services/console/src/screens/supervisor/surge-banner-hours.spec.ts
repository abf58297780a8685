import { surgeBannerHours, surgeBannerId, type SurgeBanner } from './surge-banner-hours';

const banner = (fields: Partial<SurgeBanner> & Pick<SurgeBanner, 'kind' | 'key' | 'hour'>): SurgeBanner => {
  const surge = { label: fields.key, count: 12, baselineMean: 1, announcement: '您好', ...fields };
  return { ...surge, id: surgeBannerId(surge) };
};

const nine = '2026-12-07T01:00:00.000Z';
const ten = '2026-12-07T02:00:00.000Z';

describe('surge banners', () => {
  it('keeps two storms of one hour (two districts, two keys) one banner, the category leading', () => {
    const gulou = banner({ kind: 'term', key: '停电', hour: nine, districtId: 'gulou', count: 12 });
    const taijiang = banner({
      kind: 'category',
      key: '070101',
      hour: nine,
      districtId: 'taijiang',
      count: 15,
    });
    const city = banner({ kind: 'term', key: '停电', hour: nine, count: 27 });
    const hours = surgeBannerHours([gulou, taijiang], [city], new Set(), 8);
    expect(hours).toHaveLength(1);
    expect(hours[0]!.map((shown) => shown.id)).toEqual([taijiang.id, city.id, gulou.id]);
  });

  it('shows a storm once however often it is pushed or found, an hour apart is a banner of its own', () => {
    const first = banner({ kind: 'place', key: '五一路', hour: nine });
    const again = banner({ kind: 'place', key: '五一路', hour: nine, districtId: 'city' });
    const later = banner({ kind: 'place', key: '五一路', hour: ten });
    const hours = surgeBannerHours([later, first], [again], new Set(), 8);
    expect(hours.map((group) => group.map((shown) => shown.hour))).toEqual([[ten], [nine]]);
  });

  it('closes a dismissed hour, whatever is pushed for it afterwards', () => {
    const hours = surgeBannerHours(
      [banner({ kind: 'term', key: '停水', hour: nine })],
      [],
      new Set([nine]),
      8,
    );
    expect(hours).toEqual([]);
  });
});
