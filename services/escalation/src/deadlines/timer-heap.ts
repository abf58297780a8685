/** One scheduled firing; stale entries are skipped when popped (the book re-checks them). */
export interface HeapEntry {
  dueMs: number;
  /** `case:<caseId>` or `supervision:<supervisionId>`. */
  owner: string;
  point: string;
  key: string;
}

/** A binary min-heap on `dueMs`: peek O(1), push and pop O(log n), for a million timers. */
export class TimerHeap {
  private items: HeapEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): HeapEntry | undefined {
    return this.items[0];
  }

  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.dueMs <= entry.dueMs) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && items[right]!.dueMs < items[left]!.dueMs ? right : left;
      if (items[child]!.dueMs >= last.dueMs) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  /** Replaces the content at once (after a calendar change), heapified in O(n). */
  reset(entries: HeapEntry[]): void {
    this.items = [];
    const sorted = entries.sort((a, b) => a.dueMs - b.dueMs);
    this.items = sorted;
  }
}
