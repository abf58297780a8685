import type { IncomingMessage } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { identityOf } from '../identity';
import { maskPersonalData } from './mask-personal-data';

/** Applies the masking matrix to every JSON answer of a signed-in user. */
@Injectable()
export class MaskingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    return next.handle().pipe(
      map((body: unknown) => {
        const identity = identityOf(request.headers);
        return identity ? maskPersonalData(body, identity.role) : body;
      }),
    );
  }
}
