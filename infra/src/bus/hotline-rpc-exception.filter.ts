import { HotlineError } from '@hotline/contracts';
import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { internalErrorBody } from './bus-errors';

/**
 * Maps what a `@MessagePattern` handler (or a pipe) throws to the reply's error body: a HotlineError
 * keeps its kind, code, field and details; anything else is logged here and answered as 'internal'
 * without its message. Register it on every microservice:
 * `app.useGlobalFilters(new HotlineRpcExceptionFilter())`.
 */
@Catch()
export class HotlineRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('HotlineRpcExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (exception instanceof HotlineError) {
      const body = exception.toBody();
      return throwError(() => body);
    }
    const [, context] = host.getArgs<[unknown, { getSubject?: () => string } | undefined]>();
    this.logger.error(
      `unexpected error answering ${context?.getSubject?.() ?? 'a request'}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return throwError(() => internalErrorBody());
  }
}
