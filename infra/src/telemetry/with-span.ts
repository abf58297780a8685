import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { HotlineError } from '@hotline/contracts';

export const TRACER_NAME = 'hotline';

/**
 * Runs `fn` inside a new active span. A throw is recorded on the span (exception event, error status,
 * and the HotlineError kind and code as attributes) and rethrown; the span always ends.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T> | T,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordError(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Kinds that are an answer to the caller, not a fault: their stack says nothing. */
const REFUSALS: ReadonlySet<string> = new Set([
  'validation',
  'not-found',
  'conflict',
  'rule',
  'forbidden',
  'unauthenticated',
]);

export function recordError(span: Span, error: unknown): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  // Formatting a stack (through the source maps) costs far more than the refusal itself: a reactor
  // replaying a history meets thousands of refusals, so theirs are recorded without it.
  span.recordException(
    error instanceof HotlineError && REFUSALS.has(error.kind)
      ? { name: error.name, message: error.message, code: error.code }
      : exception,
  );
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
  if (error instanceof HotlineError) {
    span.setAttributes({ 'hotline.error.kind': error.kind, 'hotline.error.code': error.code });
  }
}
