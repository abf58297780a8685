import { BaseRpcContext } from '@nestjs/microservices';
import type { BusHeaders } from './bus-record';

/** What a `@MessagePattern` handler gets with `@Ctx()`, in both NATS and in-process modes. */
export class BusContext extends BaseRpcContext<[subject: string, headers: BusHeaders]> {
  getSubject(): string {
    return this.args[0];
  }

  getHeaders(): Readonly<BusHeaders> {
    return this.args[1];
  }

  getHeader(name: string): string | undefined {
    return this.args[1][name.toLowerCase()];
  }
}
