import type { CommandEnvelope, RouterCommand } from '@hotline/contracts';
import type { CommandResult } from '@hotline/infra/command';

/** A command waiting for its batch, with the caller's promise. */
export interface Waiting {
  envelope: CommandEnvelope;
  command: RouterCommand;
  resolve: (result: CommandResult) => void;
  reject: (error: unknown) => void;
}

/** What deciding one command of a batch came to. */
export type Outcome =
  | { kind: 'answered'; result: CommandResult }
  | { kind: 'refused'; error: unknown }
  | { kind: 'decided'; events: number }
  | { kind: 'repeat'; of: number }
  | { kind: 'later' };

/**
 * Answers every command of a batch by its outcome: a command decided is answered from `results`
 * (its events read back) or, when the append failed, with that failure; a repeat within the batch
 * as the first of its id.
 */
export function settleBatch(
  batch: Waiting[],
  outcomes: Outcome[],
  context: { failure: unknown; results: Map<string, CommandResult>; unchanged: CommandResult },
): void {
  const answer = (index: number): { result: CommandResult } | { error: unknown } => {
    const outcome = outcomes[index]!;
    switch (outcome.kind) {
      case 'answered':
        return { result: outcome.result };
      case 'refused':
        return { error: outcome.error };
      case 'repeat': {
        const first = answer(outcome.of);
        return 'result' in first ? { result: { ...first.result, idempotent: true } } : first;
      }
      case 'later':
        throw new Error('a command left for a later batch was settled');
      case 'decided': {
        if (context.failure !== undefined) return { error: context.failure };
        if (outcome.events === 0) return { result: context.unchanged };
        const commandId = batch[index]!.envelope.commandId;
        const result = context.results.get(commandId);
        return result
          ? { result }
          : { error: new Error(`command ${commandId} was appended but not read back`) };
      }
    }
  };
  batch.forEach((waiting, index) => {
    const settled = answer(index);
    if ('result' in settled) waiting.resolve(settled.result);
    else waiting.reject(settled.error);
  });
}
