import { loadConfig } from '@hotline/infra/config';
import { citizenForDistrict } from './federation-bridge';
import { federationConfigSchema } from './federation.config';

describe('federation settings and what the district sees', () => {
  it('reads the district platforms as unit and bus prefix pairs; none when unset', () => {
    const districts = (value?: string) =>
      loadConfig(
        federationConfigSchema,
        value === undefined ? {} : { WORKFLOW_FEDERATION_DISTRICTS: value },
        'test',
      ).WORKFLOW_FEDERATION_DISTRICTS;
    expect(districts()).toEqual([]);
    expect(districts('sanmen=sanmen, gulou=gulou-platform')).toEqual([
      { unitId: 'sanmen', busPrefix: 'sanmen' },
      { unitId: 'gulou', busPrefix: 'gulou-platform' },
    ]);
    expect(() => districts('sanmen')).toThrow(/WORKFLOW_FEDERATION_DISTRICTS/);
  });

  it('passes a confidential citizen on without name, phone or address', () => {
    const named = { name: '李女士', phone: '+8613900001234', anonymous: false, confidential: false };
    expect(citizenForDistrict(named)).toEqual(named);
    expect(citizenForDistrict({ ...named, address: '南后街12号', confidential: true })).toEqual({
      anonymous: true,
      confidential: true,
    });
  });
});
