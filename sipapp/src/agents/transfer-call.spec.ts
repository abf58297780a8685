import { caseHeaders } from './transfer-call';

describe('the case data that goes with a transferred call', () => {
  it('sends the case number as X-Case-Number and the case as hex UTF-8 JSON in User-to-User', () => {
    const headers = caseHeaders({
      kind: 'number',
      number: '05918888000',
      label: '鼓楼区水务局',
      case: { caseNumber: '26000010', summary: '小区停水三天' },
    });
    expect(headers['X-Case-Number']).toBe('26000010');
    const [hex, param] = headers['User-to-User']!.split(';');
    expect(param).toBe('encoding=hex');
    expect(JSON.parse(Buffer.from(hex!, 'hex').toString('utf8'))).toEqual({
      caseNumber: '26000010',
      summary: '小区停水三天',
      unit: '鼓楼区水务局',
    });
  });

  it('sends no case headers for a typed number without a case', () => {
    expect(caseHeaders({ kind: 'number', number: '05918888000' })).toEqual({});
  });
});
