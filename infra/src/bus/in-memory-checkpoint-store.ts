import type { CheckpointStore } from './checkpoint-store.port';
import { checkName, checkPosition } from './checkpoint-input';
import { settled } from './settled';

/** Checkpoints that live as long as this object: for tests and consumers that start over anyway. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  load(name: string): Promise<number | undefined> {
    return settled(() => this.positions.get(checkName(name)));
  }

  save(name: string, position: number): Promise<void> {
    return settled(() => void this.positions.set(checkName(name), checkPosition(position)));
  }
}
