import { parseOrThrow } from '@hotline/contracts';
import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request payload against its contract schema: `@Payload(new ZodPayloadPipe(Schema))`.
 * A mismatch is answered as a 'validation' error naming the field (e.g. `data.citizen.phone`).
 */
export class ZodPayloadPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return parseOrThrow(this.schema, value);
  }
}
