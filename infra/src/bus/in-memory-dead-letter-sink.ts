import type { DeadLetterSink } from './dead-letter-sink.port';
import type { DeadLetter } from './event-bus.port';
import { settled } from './settled';

/** Dead letters in a list that lives as long as this object (copies in and out, as a database would). */
export class InMemoryDeadLetterSink implements DeadLetterSink {
  private readonly letters: DeadLetter[] = [];

  put(letter: DeadLetter): Promise<void> {
    return settled(() => void this.letters.push(structuredClone(letter)));
  }

  list(consumer?: string): Promise<DeadLetter[]> {
    return settled(() =>
      this.letters
        .filter((l) => consumer === undefined || l.consumer === consumer)
        .map((l) => structuredClone(l)),
    );
  }
}
