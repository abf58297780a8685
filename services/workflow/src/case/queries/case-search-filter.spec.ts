import { SearchCases } from '@hotline/contracts';
import { caseSearchFilter } from './case-search-filter';

const viewer = { actor: { id: 'user:agent', role: 'agent' }, districtId: 'city' };
const filterOf = (query: Record<string, unknown>) =>
  caseSearchFilter(
    SearchCases.schema.parse({ viewer, ...query }),
    {},
    new Date('2026-12-06T00:00:00Z'),
    new Date('2026-12-07T00:00:00Z'),
  );

describe('caseSearchFilter', () => {
  it('finds a case by its number, the caller’s phone in its canonical form, or the caller’s name', () => {
    expect(filterOf({ caseNumber: '00002996' })).toEqual({ $and: [{ caseNumber: '00002996' }] });
    expect(filterOf({ phone: '+86 139 0591 2468' })).toEqual({ $and: [{ citizenPhone: '13905912468' }] });
    expect(filterOf({ phone: '0591 8765 4321' })).toEqual({ $and: [{ citizenPhone: '0591-87654321' }] });
    expect(filterOf({ citizenName: '林女士' })).toEqual({ $and: [{ citizenName: '林女士' }] });
  });

  it('refuses a phone that is no Chinese number, naming the field', () => {
    let error: unknown;
    try {
      filterOf({ phone: '12345' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ field: 'phone' });
  });

  it('filters the callback list, pending extensions and the leaders’ lists by their flags', () => {
    expect(filterOf({ awaitingCallback: true, extensionPending: false })).toEqual({
      $and: [{ awaitingCallback: true }, { extensionPending: false }],
    });
    expect(filterOf({ reportedToLeader: true, instructed: false })).toEqual({
      $and: [{ reportedToLeader: true }, { instructed: false }],
    });
  });
});
