import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { HotlineRpcExceptionFilter } from '../bus/hotline-rpc-exception.filter';
import { HotlineErrorFilter } from '../command/hotline-error.filter';
import type { Logger } from '../telemetry/create-logger';

/**
 * One global filter for a hybrid app: Nest applies the app's global filters to the bus transport
 * too (`inheritAppConfig`), so errors are mapped once per context — HTTP status and body, or the
 * bus's typed error body.
 */
@Catch()
export class AnyContextErrorFilter implements ExceptionFilter {
  private readonly http: HotlineErrorFilter;
  private readonly rpc = new HotlineRpcExceptionFilter();

  constructor(logger?: Logger) {
    this.http = new HotlineErrorFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return this.rpc.catch(exception, host);
    this.http.catch(exception, host);
  }
}
