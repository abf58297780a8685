import type { CommandResult } from '@hotline/infra/command';
import type { RouterStateData } from './router-state-data';

/** Bumped when the state's shape changes: an older snapshot is ignored and the history folded. */
export const ROUTER_SNAPSHOT_VERSION = 1;

/**
 * The router's state after a given event of its stream, with what else the instance folds from the
 * stream (the statistics) and the command ids it last answered, so a start reads only the events
 * after it.
 */
export interface RouterSnapshot {
  version: number;
  /** The last event folded into it: its revision, position and id (checked against the stream). */
  revision: number;
  position: number;
  eventId: string;
  state: RouterStateData;
  /** The newest remembered command results, oldest first (a repeated command id after a restart). */
  commands: Array<[string, CommandResult]>;
  /** What the other folds of the stream (`SnapshotPart`) gave. */
  parts: unknown;
}

/** Another fold of the router's events that goes into the snapshot with the state (statistics). */
export interface SnapshotPart {
  take(): unknown;
  restore(data: unknown): void;
}

/** Where an instance keeps the latest snapshot of a router stream (any instance's). */
export interface RouterSnapshotStore {
  load(streamId: string): Promise<RouterSnapshot | undefined>;
  /** `json` is the snapshot, serialized when it was taken (the state goes on changing). */
  save(streamId: string, snapshot: { revision: number; json: string }): Promise<void>;
}
