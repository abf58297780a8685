import { maskName, maskPersonalData, maskPhone } from './mask-personal-data';

const caseView = {
  caseId: 'c-1',
  content: '小区停水',
  citizen: { name: '郑小红', phone: '13705918888', confidential: false },
  units: [{ unitId: 'water-group', name: '市自来水公司' }],
};
const history = { phone: '13705918888', contacts: [{ caller: { name: '吴先生', phone: '13605917777' } }] };

describe('maskPersonalData', () => {
  it.each(['agent', 'center', 'unit-handler', 'unit-leader'] as const)('shows %s everything', (role) => {
    expect(maskPersonalData(caseView, role)).toBe(caseView);
  });

  it.each(['supervisor', 'auditor', 'district-admin', 'city-admin'] as const)(
    'masks the citizen for %s but not the names of units',
    (role) => {
      expect(maskPersonalData(caseView, role)).toEqual({
        ...caseView,
        citizen: { name: '郑**', phone: '137****8888', confidential: false },
      });
    },
  );

  it('masks phone fields and callers anywhere in the answer', () => {
    expect(maskPersonalData(history, 'auditor')).toEqual({
      phone: '137****8888',
      contacts: [{ caller: { name: '吴**', phone: '136****7777' } }],
    });
  });

  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskName('王')).toBe('*');
    expect(maskPhone('0591-87654321')).toBe('059******4321');
  });
});
