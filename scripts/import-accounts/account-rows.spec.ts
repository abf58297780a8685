import { readAccountRows } from './account-rows';

describe('readAccountRows', () => {
  it('reads a CSV file with quoted fields, optional unit and password', () => {
    const csv = [
      'username,displayName,role,districtId,unitId,password',
      'li-ming,"李明, 话务员",agent,city,,',
      'wang-fang,王芳,unit-handler,gulou,gulou-dongjie,Init-Passw0rd!',
      '',
    ].join('\n');
    expect(readAccountRows(csv, 'csv')).toEqual({
      rows: [
        { username: 'li-ming', displayName: '李明, 话务员', role: 'agent', districtId: 'city' },
        {
          username: 'wang-fang',
          displayName: '王芳',
          role: 'unit-handler',
          districtId: 'gulou',
          unitId: 'gulou-dongjie',
          password: 'Init-Passw0rd!',
        },
      ],
      problems: [],
    });
  });

  it('names the line and the field of every bad line, and a username given twice', () => {
    const csv = [
      'username,displayName,role,districtId',
      'Li Ming,李明,agent,city',
      'zhao,赵,mayor,city',
      'zhao,赵,agent,city',
      'zhao,赵二,agent,city',
    ].join('\n');
    const { problems } = readAccountRows(csv, 'csv');
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [2, 'username'],
      [3, 'role'],
      [5, 'username'],
    ]);
    expect(problems[2]?.reason).toBe('repeats line 4');
  });

  it('refuses a CSV header without a required column, and JSON that is not an array', () => {
    expect(readAccountRows('username,role,districtId\nli,agent,city', 'csv').problems).toEqual([
      { line: 1, field: 'displayName', reason: 'is missing from the header line' },
    ]);
    expect(readAccountRows('{"username":"li"}', 'json').problems[0]).toMatchObject({ field: 'file' });
  });

  it('reads JSON entries and refuses fields it does not know', () => {
    const json = JSON.stringify([
      { username: 'li-ming', displayName: '李明', role: 'agent', districtId: 'city' },
      { username: 'he', displayName: '何', role: 'agent', districtId: 'city', isAdmin: true },
    ]);
    const { rows, problems } = readAccountRows(json, 'json');
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, field: 'isAdmin', reason: expect.any(String) }]);
  });
});
