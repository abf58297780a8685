import type { ContactAssessment, DuplicateSuggestion } from '@hotline/contracts';
import { automaticDisposition, type DispositionRules } from './automatic-disposition';

const rules: DispositionRules = { autoRegister: true, autoRegisterConfidence: 0.6, autoMergeScore: 0.6 };
const clear: ContactAssessment = {
  classification: {
    type: 'complaint',
    categoryCode: '030101',
    confidence: 0.8,
    signals: ['噪音'],
    classifier: 't',
  },
  duplicates: [],
};
const repeat: DuplicateSuggestion = {
  caseId: 'case-1',
  caseNumber: '00005724',
  similarity: 0.4,
  score: 0.7,
  reasons: ['same-caller', 'same-category'],
};

describe('automatic disposition of self-service contacts', () => {
  it('registers a case when the classification is clear', () => {
    expect(automaticDisposition('web', clear, rules)).toEqual({
      kind: 'register',
      type: 'complaint',
      categoryCode: '030101',
    });
  });

  it('leaves a possible emergency to an agent before anything else, never referring on a guess', () => {
    const fire = {
      ...clear,
      classification: { ...clear.classification, emergency: { service: '119' as const, signals: ['着火'] } },
    };
    expect(automaticDisposition('sms', { ...fire, duplicates: [repeat] }, rules)).toEqual({
      kind: 'triage',
      because: 'possible emergency for 119: an agent confirms',
      emergency: '119',
    });
  });

  it('merges a web or SMS repeat of the same caller, but leaves a WeChat one to an agent', () => {
    expect(automaticDisposition('sms', { ...clear, duplicates: [repeat] }, rules)).toEqual({
      kind: 'merge',
      caseId: 'case-1',
      caseNumber: '00005724',
      similarity: 0.4,
    });
    expect(automaticDisposition('wechat', { ...clear, duplicates: [repeat] }, rules).kind).toBe('triage');
  });

  it('leaves a similar case of another caller to an agent', () => {
    const other = { ...repeat, reasons: ['similar-content' as const] };
    expect(automaticDisposition('web', { ...clear, duplicates: [other] }, rules)).toMatchObject({
      kind: 'triage',
      because: 'may repeat an open case',
    });
  });

  it('leaves possible not-accepted matters, unclear ones and phone calls to an agent', () => {
    const legal = {
      ...clear,
      classification: {
        ...clear.classification,
        notAccepted: { reason: 'in-legal-proceedings' as const, signals: [] },
      },
    };
    expect(automaticDisposition('web', legal, rules).kind).toBe('triage');
    expect(
      automaticDisposition(
        'web',
        { ...clear, classification: { ...clear.classification, confidence: 0.3 } },
        rules,
      ).kind,
    ).toBe('triage');
    expect(automaticDisposition('phone', clear, rules).kind).toBe('triage');
    expect(automaticDisposition('web', clear, { ...rules, autoRegister: false }).kind).toBe('triage');
  });

  it('reserves a case number for a web submission left to an agent, not for one that may be declined', () => {
    const unclear = { ...clear, classification: { ...clear.classification, confidence: 0.3 } };
    expect(automaticDisposition('web', unclear, rules)).toEqual({
      kind: 'triage',
      because: 'the classification is not clear enough',
      reserveNumber: true,
    });
    expect(automaticDisposition('sms', unclear, rules)).not.toHaveProperty('reserveNumber');
    // The IVR's recordings: whatever the text says, an agent listens first; the caller hears the number.
    expect(automaticDisposition('phone', clear, rules)).toEqual({
      kind: 'triage',
      because: 'an agent listens to the recording',
      reserveNumber: true,
    });
    const legal = {
      ...clear,
      classification: {
        ...clear.classification,
        notAccepted: { reason: 'in-legal-proceedings' as const, signals: [] },
      },
    };
    expect(automaticDisposition('web', legal, rules)).not.toHaveProperty('reserveNumber');
  });
});
