import type { CaseTimelineEntry } from '@hotline/contracts';
import { format } from '../i18n/format';
import { formatInstant } from '../i18n/date-time';
import { mergeMessages } from '../i18n/messages';
import { timelineLine, type TimelineWords } from './timeline-text';

const words = (locale: 'zh-CN' | 'en'): TimelineWords => {
  const messages = mergeMessages(locale);
  return {
    t: (key, vars) => format(messages[key] ?? key, vars),
    unitName: (id) => (id === 'housing-bureau' ? '市住建局' : (id ?? '—')),
    categoryName: (code) => `分类${code ?? ''}`,
    instant: (at) => formatInstant(at, locale),
  };
};

const dispatched: CaseTimelineEntry = {
  eventId: 'e1',
  revision: 2,
  type: 'CaseDispatched',
  at: '2026-12-06T17:30:00.000Z',
  actor: { id: 'user:center', role: 'center', gatewayRole: 'center', name: '演示热线办' },
  summary: 'Dispatched to housing-bureau, due 2026-12-18T09:30:00.000Z',
  details: { units: ['housing-bureau'], dueAt: '2026-12-18T09:30:00.000Z', note: '请今日联系业主' },
};

describe('timelineLine', () => {
  it('words a dispatch with unit names, the city time, who and in which role, and the note', () => {
    expect(timelineLine(dispatched, words('zh-CN'))).toEqual({
      title: '派单',
      who: '演示热线办（热线办）',
      text: '派至 市住建局，办理时限 2026/12/18 17:30',
      notes: [{ label: '派单说明', text: '请今日联系业主' }],
    });
  });

  it('names the unit and role of a unit user whose name the event does not carry', () => {
    const signed: CaseTimelineEntry = {
      ...dispatched,
      type: 'CaseSigned',
      actor: { id: 'demo-handler', role: 'unit', unitId: 'housing-bureau' },
      details: { unitId: 'housing-bureau', role: 'lead' },
    };
    const line = timelineLine(signed, words('zh-CN'));
    expect(line.who).toBe('市住建局（承办单位）');
    expect(line.text).toBe('市住建局 签收（主办）');
  });

  it('words the same line in English', () => {
    expect(timelineLine(dispatched, words('en')).text).toBe('Dispatched to 市住建局, due 12/18/2026, 17:30');
  });

  it('never shows an id or an ISO instant on a Chinese line', () => {
    const types: [string, string][] = [
      ['CaseRegistered', 'x'],
      ['CaseReturned', 'not-responsible'],
      ['CaseDeclined', 'emergency-110'],
      ['CaseDispatchedToFallbackUnit', 'repeated-returns'],
      ['CaseExtensionRequested', 'x'],
      ['CaseRedone', 'x'],
      ['CaseClosed', 'anonymous'],
    ];
    for (const [type, reason] of types) {
      const line = timelineLine(
        {
          ...dispatched,
          type,
          details: {
            units: ['housing-bureau'],
            unitId: 'housing-bureau',
            dueAt: '2026-12-18T09:30:00.000Z',
            reason,
            count: 1,
            workingDays: 2,
          },
        },
        words('zh-CN'),
      );
      const shown = `${line.title} ${line.who} ${line.text}`;
      expect(shown).not.toMatch(/housing-bureau|\d{4}-\d{2}-\d{2}T|[A-Za-z]{3,}/);
    }
  });
});
