import { caseCommands } from '@hotline/contracts';
import { CASE_ACTIONS } from './case-actions';

/** Commands only the platform sends (the workflow's own process managers), never a person over HTTP. */
const PLATFORM_ONLY: readonly string[] = ['RecordCaseRepeatContact'];

describe('CASE_ACTIONS', () => {
  it('gives every case command but RegisterCase and the platform’s own exactly one route', () => {
    const routed = Object.values(CASE_ACTIONS).sort();
    const commands = caseCommands
      .map((c) => c.type)
      .filter((t) => t !== 'RegisterCase' && !PLATFORM_ONLY.includes(t))
      .sort();
    expect(routed).toEqual(commands);
  });
});
