import { caseCommands } from '@hotline/contracts';
import { CASE_ACTIONS } from './case-actions';

describe('CASE_ACTIONS', () => {
  it('gives every case command but RegisterCase exactly one route', () => {
    const routed = Object.values(CASE_ACTIONS).sort();
    const commands = caseCommands
      .map((c) => c.type)
      .filter((t) => t !== 'RegisterCase')
      .sort();
    expect(routed).toEqual(commands);
  });
});
