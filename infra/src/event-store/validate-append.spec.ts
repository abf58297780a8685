import { ValidationError } from '@hotline/contracts';
import { newEvent, thrownBy } from './testing';
import { validateAppend } from './validate-append';

describe('validateAppend', () => {
  it('serialises data and metadata once per event, sharing the metadata of one decision', () => {
    const first = newEvent('CaseRegistered', { caseNo: 'A-1', note: undefined });
    const second = { ...newEvent(), metadata: first.metadata };
    const [a, b] = validateAppend('case-1', [first, second], 'noStream');
    expect(a?.dataJson).toBe('{"caseNo":"A-1"}');
    expect(a?.metadataJson).toBe(JSON.stringify(first.metadata));
    expect(b?.metadata).toBe(a?.metadata);
  });

  it('names the event whose metadata differs from its neighbours and is invalid', () => {
    const shared = newEvent().metadata;
    const events = [
      { ...newEvent(), metadata: shared },
      { ...newEvent(), metadata: shared },
      { ...newEvent(), metadata: { ...shared, actor: { id: '', role: 'agent' } } },
    ];
    expect(thrownBy(() => validateAppend('case-1', events, 'any'))).toMatchObject({
      field: 'events[2].metadata.actor.id',
    });
  });

  it('drops metadata members the envelope does not know', () => {
    const event = { ...newEvent(), metadata: { ...newEvent().metadata, password: 'secret' } };
    const [validated] = validateAppend('case-1', [event], 'any');
    expect(validated?.metadataJson).not.toContain('secret');
  });

  it('refuses stream ids reserved by KurrentDB and nesting past the limit', () => {
    expect(thrownBy(() => validateAppend('$all', [newEvent()], 'any'))).toMatchObject({ field: 'streamId' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    expect(() => validateAppend('case-1', [{ ...newEvent(), data: deep }], 'any')).toThrow(ValidationError);
  });
});
