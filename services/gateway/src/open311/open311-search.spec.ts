import { open311Search } from './open311-search';

const now = new Date('2026-12-07T08:00:00Z');

describe('open311Search', () => {
  it('defaults to the 90 days up to now, every status, every service', () => {
    expect(open311Search({}, now)).toEqual({
      kind: 'filter',
      categoryCodes: undefined,
      status: undefined,
      registeredFrom: '2026-09-08T08:00:00.000Z',
      registeredTo: '2026-12-07T08:00:00.000Z',
    });
  });

  it('ignores the other filters when ids are given, as the specification says', () => {
    expect(
      open311Search({ service_request_id: '20260001, 20260002,20260001', status: 'nonsense' }, now),
    ).toEqual({
      kind: 'ids',
      caseNumbers: ['20260001', '20260002'],
    });
  });

  it('maps open and closed onto the case states', () => {
    const open = open311Search({ status: 'open' }, now);
    expect(open.kind === 'filter' && open.status).toEqual([
      'registered',
      'dispatched',
      'returned',
      'signed',
      'replied',
    ]);
    const both = open311Search({ status: 'closed,open' }, now);
    expect(both.kind === 'filter' && both.status).toBeUndefined();
  });

  it('takes dates with an offset and refuses a span over 90 days, naming the parameter', () => {
    const span = open311Search(
      { start_date: '2026-12-01T00:00:00+08:00', end_date: '2026-12-02T00:00:00+08:00' },
      now,
    );
    expect(span).toMatchObject({
      registeredFrom: '2026-11-30T16:00:00.000Z',
      registeredTo: '2026-12-01T16:00:00.000Z',
    });
    expect(() => open311Search({ start_date: '2026-12-01' }, now)).toThrow(/start_date/);
    expect(() =>
      open311Search({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now),
    ).toThrow(/end_date: the range may span 90 days at most/);
    expect(() => open311Search({ service_code: '0101' }, now)).toThrow(/service_code/);
    expect(() => open311Search({ status: ['open', 'closed'] }, now)).toThrow(/status: must be given once/);
  });
});
