import type { ContactMetric } from '../counters/contact-counters.projection';
import { ratio, type Kpi } from './kpi';

export type ContactCounters = Record<ContactMetric, number>;

/** The contact-center KPIs (docs/reporting.md): answer rate, 15-second service level, ASA, abandonment, AHT. */
export function contactKpis(c: ContactCounters): Kpi[] {
  return [
    ratio('answerRate', c.answered, c.offered, { target: 0.95 }),
    ratio('serviceLevel15s', c.answeredIn15, c.answered, { target: 0.8 }),
    ratio('averageSpeedOfAnswer', c.waitSeconds, c.answered, { unit: 'seconds', lowerIsBetter: true }),
    ratio('abandonRate', c.abandoned, c.offered, { lowerIsBetter: true }),
    ratio('averageHandleTime', c.talkSeconds + c.holdSeconds, c.handled, { unit: 'seconds' }),
    ratio('postCallSatisfaction', c.surveySatisfied, c.surveyed, { target: 0.95 }),
  ];
}
