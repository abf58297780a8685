import dayjs from 'dayjs';
import { paramsOf, valuesOf } from './case-search-query';

describe('the case search in the URL', () => {
  it('leaves out empty filters and an unticked overdue box', () => {
    const params = paramsOf({
      text: '  ',
      status: [],
      type: undefined,
      overdue: false,
      sort: 'registeredAt',
    });
    expect(params.toString()).toBe('sort=registeredAt');
  });

  it('sends lists comma-separated and date ranges as whole days', () => {
    const from = dayjs('2026-11-01T15:30:00');
    const to = dayjs('2026-11-03T08:00:00');
    const params = paramsOf({ status: ['registered', 'returned'], registered: [from, to], overdue: true });
    expect(params.get('status')).toBe('registered,returned');
    expect(params.get('registeredFrom')).toBe(from.startOf('day').toISOString());
    expect(params.get('registeredTo')).toBe(to.endOf('day').toISOString());
    expect(params.get('overdue')).toBe('true');
  });

  it('reads back what it wrote, so a bookmarked search fills the form again', () => {
    const values = {
      text: '路灯',
      status: ['signed'],
      type: ['complaint', 'report'],
      channel: ['phone'],
      categoryCode: '010102',
      unitId: 'housing-bureau',
      districtId: 'gulou',
      colour: 'red',
      overdue: true,
      sort: 'deadlineAt',
      order: 'asc',
    };
    const again = valuesOf(paramsOf(values));
    expect(again).toEqual({ ...values, registered: undefined, due: undefined });
  });

  it('keeps an open-ended date range open on one side', () => {
    const values = valuesOf(new URLSearchParams({ dueFrom: '2026-11-01T00:00:00.000Z' }));
    expect(values.due?.[0]?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(values.due?.[1]).toBeNull();
    expect(values.sort).toBe('registeredAt');
    expect(values.order).toBe('desc');
  });
});
