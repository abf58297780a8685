import 'reflect-metadata';
import {
  commandSubject,
  HotlineError,
  RuleViolation,
  ValidationError,
  parseOrThrow,
} from '@hotline/contracts';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Ctx,
  MessagePattern,
  Payload,
  type ClientProxy,
  type CustomTransportStrategy,
  type Server,
} from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { z } from 'zod';
import { BusContext } from '../bus-context';
import { BusHeader, BusRecord, messageHeaders } from '../bus-record';
import { HotlineRpcExceptionFilter } from '../hotline-rpc-exception.filter';
import { busEndpoints } from '../bus-endpoints';

/** What a request/reply adapter gives the contract suite. */
export interface RequestReplyHarness {
  /** A transport for one replica of `service` (its queue group), not yet listening. */
  createServer(service: string): Server & CustomTransportStrategy;
  createClient(options: { timeoutMs: number }): ClientProxy;
  /** Releases what the harness opened (after the suite closed its apps and clients). */
  close(): Promise<void>;
}

/** A deferred the test resolves, so a handler can be held without timers. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

const PhoneRequest = z.object({
  data: z.object({ citizen: z.object({ phone: z.string().regex(/^\d{11}$/) }) }),
});

function probeModule(service: string, replica: string, hold: ReturnType<typeof gate>, started: () => void) {
  const subject = (type: string) => commandSubject(service, type);

  @Controller()
  class ProbeController {
    @MessagePattern(subject('Echo'))
    echo(@Payload() payload: Record<string, unknown>, @Ctx() context: BusContext) {
      payload.touchedByHandler = true;
      return { replica, payload, subject: context.getSubject(), headers: context.getHeaders() };
    }

    @MessagePattern(subject('Reject'))
    reject(@Payload() payload: { as: 'validation' | 'rule' }) {
      if (payload.as === 'validation') throw new ValidationError('data.citizen.phone', 'is required');
      throw new RuleViolation('CASE_ALREADY_CLOSED', 'the case is closed', { caseId: 'case-1' });
    }

    @MessagePattern(subject('Crash'))
    crash(): never {
      throw new Error('db password is hunter2');
    }

    @MessagePattern(subject('Held'))
    async held() {
      started();
      await hold.opened;
      return 'released';
    }
  }

  // Served as a service declares its endpoints: a list, no method per message.
  const endpoints = busEndpoints('Probe', [
    {
      subject: subject('Validated'),
      handle: async (payload) => parseOrThrow(PhoneRequest, payload).data.citizen.phone,
    },
  ]);

  @Module({ controllers: [ProbeController, endpoints] })
  class ProbeModule {}
  return ProbeModule;
}

export function describeRequestReplyContract(
  adapterName: string,
  factory: () => Promise<RequestReplyHarness>,
): void {
  describe(`Bus request/reply contract [${adapterName}]`, () => {
    let harness: RequestReplyHarness;
    let service: string;
    let apps: INestMicroservice[];
    let clients: ClientProxy[];
    let hold: ReturnType<typeof gate>;
    let handlerStarted: ReturnType<typeof gate>;

    const startReplica = async (replica: string): Promise<INestMicroservice> => {
      const app = await NestFactory.createMicroservice(
        probeModule(service, replica, hold, () => handlerStarted.open()),
        {
          strategy: harness.createServer(service),
          logger: false,
        },
      );
      app.useGlobalFilters(new HotlineRpcExceptionFilter());
      await app.listen();
      apps.push(app);
      return app;
    };
    const client = (timeoutMs = 5_000): ClientProxy => {
      const created = harness.createClient({ timeoutMs });
      clients.push(created);
      return created;
    };
    const call = (type: string, payload: unknown, via = client()) =>
      firstValueFrom(via.send<unknown>(commandSubject(service, type), payload));
    const failureOf = async (promise: Promise<unknown>): Promise<HotlineError> => {
      const error: unknown = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof HotlineError)) throw new Error(`expected a HotlineError, got ${String(error)}`);
      return error;
    };

    beforeEach(async () => {
      harness = await factory();
      service = `probe-${randomUUID().slice(0, 8)}`;
      apps = [];
      clients = [];
      hold = gate();
      handlerStarted = gate();
    });

    afterEach(async () => {
      hold.open();
      await Promise.all(apps.map((app) => app.close()));
      for (const c of clients) await (c.close() as unknown);
      await harness.close();
    });

    it('answers a request with the handler response, copying the payload both ways', async () => {
      await startReplica('a');
      const input = { text: 'hello' };
      const reply = await call('Echo', input);
      expect(reply).toMatchObject({
        replica: 'a',
        subject: commandSubject(service, 'Echo'),
        payload: { text: 'hello', touchedByHandler: true },
      });
      expect(input).toEqual({ text: 'hello' });
    });

    it('carries the trace context and correlation id in headers', async () => {
      await startReplica('a');
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const reply = (await call(
        'Echo',
        new BusRecord({}, messageHeaders({ correlationId: 'corr-42', traceparent, tracestate: 'vendor=1' })),
      )) as {
        headers: Record<string, string>;
      };
      expect(reply.headers).toMatchObject({
        [BusHeader.traceparent]: traceparent,
        [BusHeader.tracestate]: 'vendor=1',
        [BusHeader.correlationId]: 'corr-42',
      });
    });

    it('rethrows a typed error with its kind, code, field and details', async () => {
      await startReplica('a');
      const validation = await failureOf(call('Reject', { as: 'validation' }));
      expect(validation.toBody()).toEqual({
        kind: 'validation',
        code: 'VALIDATION_FAILED',
        message: 'data.citizen.phone: is required',
        field: 'data.citizen.phone',
      });
      const rule = await failureOf(call('Reject', { as: 'rule' }));
      expect(rule.toBody()).toEqual({
        kind: 'rule',
        code: 'CASE_ALREADY_CLOSED',
        message: 'the case is closed',
        details: { caseId: 'case-1' },
      });
    });

    it('answers any other throw as internal without leaking its message', async () => {
      await startReplica('a');
      const error = await failureOf(call('Crash', {}));
      expect(error.kind).toBe('internal');
      expect(JSON.stringify(error.toBody())).not.toContain('hunter2');
    });

    it('rejects a payload that fails the schema, naming the field', async () => {
      await startReplica('a');
      await expect(call('Validated', { data: { citizen: { phone: '13800138000' } } })).resolves.toBe(
        '13800138000',
      );
      const error = await failureOf(call('Validated', { data: { citizen: { phone: 'call me' } } }));
      expect(error).toMatchObject({ kind: 'validation', field: 'data.citizen.phone' });
    });

    it("fails with 'timeout' when the handler does not answer in time", async () => {
      await startReplica('a');
      const error = await failureOf(call('Held', new BusRecord({}, {}, 300)));
      expect(error).toMatchObject({ kind: 'timeout', code: 'BUS_TIMEOUT' });
    });

    it("fails with 'unavailable' when no service listens on the subject", async () => {
      const error = await failureOf(call('NobodyHome', {}));
      expect(error).toMatchObject({ kind: 'unavailable', code: 'NO_RESPONDERS' });
    });

    it('shares requests between replicas of one service, each answered once', async () => {
      await startReplica('a');
      await startReplica('b');
      const via = client();
      const replies = (await Promise.all(Array.from({ length: 40 }, (_, i) => call('Echo', { i }, via)))) as {
        replica: string;
        payload: { i: number };
      }[];
      expect(replies.map((r) => r.payload.i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(new Set(replies.map((r) => r.replica))).toEqual(new Set(['a', 'b']));
    });

    it('answers a request already in progress when the server closes', async () => {
      const app = await startReplica('a');
      const reply = call('Held', {});
      await handlerStarted.opened;
      const closed = app.close();
      hold.open();
      await expect(reply).resolves.toBe('released');
      await closed;
      apps = apps.filter((a) => a !== app);
    });

    it('rejects a subject with wildcards, naming the pattern', async () => {
      const error = await failureOf(firstValueFrom(client().send('hotline.cmd.*', {})));
      expect(error).toMatchObject({ kind: 'validation', field: 'pattern' });
    });
  });
}
