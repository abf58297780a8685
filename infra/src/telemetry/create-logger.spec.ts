import { initTelemetry, type Telemetry } from './init-telemetry';
import { createLogger } from './create-logger';
import { withSpan } from './with-span';

const capture = () => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = {
    write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>),
  };
  return { lines, destination };
};

describe('createLogger', () => {
  let telemetry: Telemetry;
  beforeAll(() => {
    telemetry = initTelemetry({ serviceName: 'logger-spec', exporter: 'memory' });
  });
  afterAll(() => telemetry.shutdown());

  it('writes JSON lines with the service, level word and ISO time', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'intake', destination }).info({ caseId: 'c1' }, 'case received');
    expect(lines[0]).toMatchObject({ service: 'intake', level: 'info', msg: 'case received', caseId: 'c1' });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('adds the trace id and span id of the active span to every line, children included', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'intake', destination });
    const ids = await withSpan('request', {}, (span) => {
      logger.info('inside');
      logger.child({ component: 'relay' }).warn('from a child');
      return span.spanContext();
    });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
    expect(lines[1]).toMatchObject({ component: 'relay', level: 'warn' });
  });

  it('redacts phone numbers, names, passwords, tokens and auth headers', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'intake', destination }).info(
      {
        phone: '13800000000',
        citizen: { phone: '13900000000', citizenName: 'Wang Fang', district: 'east' },
        event: { data: { caller: { Phone: '13700000000' } }, contacts: [{ email: 'a@b.cn' }] },
        login: { password: 'hunter2', accessToken: 'eyJ' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', accept: 'application/json' } },
      },
      'intake',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      '13800000000',
      '13900000000',
      '13700000000',
      'a@b.cn',
      'Wang Fang',
      'hunter2',
      'eyJ',
      'Bearer abc',
      'sid=1',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      citizen: { district: 'east' },
      req: { headers: { accept: 'application/json' } },
    });
  });

  it('censors extra keys and paths a service asks for', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'survey', destination, redact: ['answer.text', 'plateNumber'] }).info({
      answer: { text: 'private', score: 5 },
      car: { plateNumber: 'A12345' },
    });
    expect(lines[0]).toMatchObject({
      answer: { text: '[redacted]', score: 5 },
      car: { plateNumber: '[redacted]' },
    });
  });

  it('censors personal data in child bindings and leaves errors to the serializer', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'intake', destination })
      .child({ component: 'ivr', callerPhone: '13600000000' })
      .error({ err: new Error('boom') }, 'failed');
    expect(JSON.stringify(lines[0])).not.toContain('13600000000');
    expect(lines[0]).toMatchObject({ component: 'ivr', err: { type: 'Error', message: 'boom' } });
  });

  it('drops lines below the configured level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'intake', level: 'warn', destination });
    logger.info('quiet');
    logger.error('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});
