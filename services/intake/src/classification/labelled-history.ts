import type { CaseType } from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import { CLASSIFIER_HISTORY } from './classifier.projection';
import type { LabelledExample } from './learned/labelled-example';

export interface TrainingWindow {
  cases: number;
  /** Registration time of the oldest and the newest case learned from. */
  from?: string;
  to?: string;
}

type HistoryDocument = {
  _id: string;
  text?: string;
  type?: CaseType;
  categoryCode?: string;
  unitId?: string;
  registeredAt?: string;
};

/**
 * The city's labelled history as the classifier trains on it: the newest `limit` cases of the
 * classifier projection, each with the type and category the agent finally registered it under
 * and the unit that replied with the result (the lead unit that handled it).
 */
export class LabelledHistory {
  constructor(
    private readonly store: ReadStore,
    private readonly limit: number,
  ) {}

  async read(): Promise<{ examples: LabelledExample[]; window: TrainingWindow }> {
    if (this.limit === 0) return { examples: [], window: { cases: 0 } };
    const docs = await this.store
      .collection<HistoryDocument>(CLASSIFIER_HISTORY)
      .find({ registeredAt: { $exists: true } }, { sort: { registeredAt: -1 }, limit: this.limit });
    const examples: LabelledExample[] = [];
    for (const { _id, text, type, categoryCode, unitId } of docs.reverse()) {
      // A stub (a reply to a case registered before this projection existed) has nothing to learn.
      if (text === undefined || type === undefined) continue;
      examples.push({
        text,
        type,
        group: _id,
        ...(categoryCode ? { categoryCode } : {}),
        ...(unitId ? { unitId } : {}),
      });
    }
    const first = docs[0]?.registeredAt;
    const last = docs.at(-1)?.registeredAt;
    return {
      examples,
      window: { cases: examples.length, ...(first ? { from: first } : {}), ...(last ? { to: last } : {}) },
    };
  }
}
