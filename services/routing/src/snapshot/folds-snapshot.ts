import type { SnapshotPart } from './router-snapshot';

interface Fold {
  snapshot(): unknown;
  restore(data: unknown): void;
}

/** The statistics folds (by name) as one part of the router's snapshot. */
export function foldsSnapshot(folds: Record<string, Fold>): SnapshotPart {
  return {
    take: () => Object.fromEntries(Object.entries(folds).map(([name, fold]) => [name, fold.snapshot()])),
    restore: (data) => {
      const taken = data as Record<string, unknown>;
      for (const [name, fold] of Object.entries(folds)) fold.restore(taken[name] ?? {});
    },
  };
}
