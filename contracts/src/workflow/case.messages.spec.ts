import { buildAsyncApi } from '../messages/asyncapi';
import { MessageRegistry } from '../messages/registry';
import { parseOrThrow } from '../kernel/validate';
import { caseCommands, caseEvents } from './case.messages';
import { RegisterCase } from './commands/intake.commands';
import { MAX_ATTACHMENTS, MAX_CONTENT_LENGTH } from './case.values';

const registration = {
  caseId: 'case-1',
  type: 'complaint',
  categoryCode: '030101',
  content: '夜间施工噪声',
  citizen: { name: '王先生', phone: '13800138000' },
  channel: 'phone',
};
const photo = (i: number) => ({
  id: `att-${i}`,
  name: `p${i}.jpg`,
  mediaType: 'image/jpeg',
  sizeBytes: 1000,
});

describe('case messages', () => {
  it('register with the platform registry and render as AsyncAPI', () => {
    const registry = new MessageRegistry().register(...caseCommands, ...caseEvents);
    expect(registry.allCommands()).toHaveLength(caseCommands.length);
    expect(caseEvents.every((e) => e.category === 'case' && e.version === 1)).toBe(true);
    expect(caseCommands.every((c) => c.service === 'workflow')).toBe(true);
    const doc = buildAsyncApi(registry, '0.0.0') as { channels: Record<string, unknown> };
    expect(Object.keys(doc.channels)).toContain('event.CaseDispatched');
  });

  it('apply the defaults of a registration', () => {
    expect(parseOrThrow(RegisterCase.schema, registration)).toMatchObject({
      attachments: [],
      urgency: 'normal',
      simple: false,
      citizen: { confidential: false, anonymous: false },
    });
  });

  it.each([
    [{ content: 'x'.repeat(MAX_CONTENT_LENGTH + 1) }, /^data\.content: /],
    [{ content: '   ' }, /^data\.content: /],
    [{ categoryCode: '3010' }, /^data\.categoryCode: must be a 6-digit category code/],
    [{ type: 'gossip' }, /^data\.type: /],
    [{ citizen: { name: '王', phone: '555-1234' } }, /^data\.citizen\.phone: must be a Chinese/],
    [
      { attachments: Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => photo(i)) },
      /^data\.attachments: /,
    ],
    [{ attachments: [{ ...photo(1), sizeBytes: 300 * 1024 * 1024 }] }, /^data\.attachments\.0\.sizeBytes: /],
    [{ attachments: [{ ...photo(1), mediaType: 'jpeg' }] }, /^data\.attachments\.0\.mediaType: /],
    [{ place: { address: '鼓楼区东街', lat: 119.3, lng: 26.1 } }, /^data\.place\.lat: /],
    [{ place: { address: '鼓楼区东街', lat: 26.1 } }, /^data\.place: lat and lng go together/],
  ])('reject a registration with %o, naming the field', (change, message) => {
    expect(() => parseOrThrow(RegisterCase.schema, { ...registration, ...change }, 'data')).toThrow(message);
  });
});
