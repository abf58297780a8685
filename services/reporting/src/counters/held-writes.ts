import type { ProjectionContext } from '@hotline/infra/projection';

interface Cell {
  collection: string;
  id: string;
  set: Record<string, unknown>;
  inc: Record<string, number>;
}

/** One event's increments, per cell; what a handler builds before it hands them to HeldWrites. */
export class EventIncrements {
  readonly cells = new Map<string, Cell>();

  add(collection: string, id: string, set: Record<string, unknown>, field: string, by: number): void {
    const key = `${collection}\u0000${id}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { collection, id, set, inc: {} }));
    cell.inc[field] = (cell.inc[field] ?? 0) + by;
  }
}

/**
 * The counters' writes held back for one batch: the increments of every event summed per cell and
 * the latest state of every document, written once per batch (the projection's `flush`) instead of
 * once per event. A busy day's cell touched by thousands of events is one write; the per-event
 * validation and folding of thousands of updates is gone. The runner writes them stamped with the
 * last event handled and flushes after every event of the replay window, so replays stay exact.
 */
export class HeldWrites {
  private cells = new Map<string, Cell>();
  private documents = new Map<string, { collection: string; id: string; set: Record<string, unknown> }>();

  /** An event's increments, added once its handler has done its last read. */
  addIncrements(increments: EventIncrements): void {
    for (const [key, cell] of increments.cells) {
      const held = this.cells.get(key);
      if (!held) {
        this.cells.set(key, cell);
        continue;
      }
      for (const field in cell.inc) held.inc[field] = (held.inc[field] ?? 0) + (cell.inc[field] as number);
    }
  }

  /** A document's fields as they now are (the later call wins). */
  setDocument(collection: string, id: string, set: Record<string, unknown>): void {
    this.documents.set(`${collection}\u0000${id}`, { collection, id, set });
  }

  flush(context: ProjectionContext): void {
    for (const { collection, id, set } of this.documents.values()) {
      context.guardedUpdate(collection, id, { $set: set });
    }
    for (const { collection, id, set, inc } of this.cells.values()) {
      context.guardedUpdate(collection, id, { $set: set, $inc: inc });
    }
    this.clear();
  }

  clear(): void {
    this.cells = new Map();
    this.documents = new Map();
  }
}
