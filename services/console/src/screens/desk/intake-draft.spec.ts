import { draftKey, parseDraft, serializeDraft, worthKeeping } from './intake-draft';

describe('the desk draft', () => {
  it('is worth keeping once the matter, the caller or the place is typed', () => {
    expect(worthKeeping({ content: '', confidential: false, anonymous: false, urgency: 'normal' })).toBe(
      false,
    );
    expect(worthKeeping({ content: '  ' })).toBe(false);
    expect(worthKeeping({ content: '路灯不亮' })).toBe(true);
    expect(worthKeeping({ phone: '13905912468' })).toBe(true);
  });

  it('round-trips the form without the uploaded files', () => {
    const text = serializeDraft(
      { content: '路灯不亮', name: '林女士', files: [{ uid: '1', name: 'a.png' }] },
      new Date('2026-12-06T12:00:00Z'),
    );
    expect(parseDraft(text)).toEqual({
      values: { content: '路灯不亮', name: '林女士' },
      savedAt: '2026-12-06T12:00:00.000Z',
    });
  });

  it('reads nothing from an empty, broken or foreign entry', () => {
    expect(parseDraft(null)).toBeUndefined();
    expect(parseDraft('{')).toBeUndefined();
    expect(parseDraft('{"values":{"content":""},"savedAt":"x"}')).toBeUndefined();
    expect(parseDraft('"text"')).toBeUndefined();
  });

  it('keeps one draft per agent', () => {
    expect(draftKey('user:agent')).not.toBe(draftKey('user:supervisor'));
  });
});
