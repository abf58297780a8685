import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import type { LabelledExample } from './learned/labelled-example';

/** The case events the classifier learns from. */
export const HISTORY_EVENTS: Array<CaseEvent['type']> = ['CaseRegistered', 'CaseReplied'];

export interface TrainingWindow {
  cases: number;
  /** Registration time of the oldest and the newest case learned from. */
  from?: string;
  to?: string;
}

interface Remembered {
  example: LabelledExample;
  registeredAt: string;
}

/**
 * The city's labelled history in memory, newest `limit` cases: the text of each case with the type
 * and category the agent finally registered it under, and the unit that replied with the result
 * (the lead unit that handled it). Replay-safe: a repeated event sets the same values.
 */
export class LabelledHistory {
  private readonly cases = new Map<string, Remembered>();

  constructor(private readonly limit: number) {}

  apply(event: Pick<RecordedEvent, 'type' | 'data' | 'time'>): void {
    const caseEvent = { type: event.type, data: event.data } as CaseEvent;
    if (caseEvent.type === 'CaseRegistered') {
      const { caseId, content, type, categoryCode } = caseEvent.data;
      if (this.cases.has(caseId)) return;
      this.cases.set(caseId, {
        example: { text: content, type, categoryCode, group: caseId },
        registeredAt: event.time,
      });
      if (this.cases.size > this.limit) this.cases.delete(this.cases.keys().next().value as string);
    } else if (caseEvent.type === 'CaseReplied') {
      const remembered = this.cases.get(caseEvent.data.caseId);
      if (remembered) remembered.example.unitId = caseEvent.data.unitId;
    }
  }

  examples(): LabelledExample[] {
    return [...this.cases.values()].map((c) => ({ ...c.example }));
  }

  window(): TrainingWindow {
    const all = [...this.cases.values()];
    const [first] = all;
    const last = all.at(-1);
    return {
      cases: all.length,
      ...(first ? { from: first.registeredAt } : {}),
      ...(last ? { to: last.registeredAt } : {}),
    };
  }
}
