import { DemoClock } from './demo-clock';

describe('DemoClock', () => {
  const past = new Date('2026-11-02T03:04:05.000Z');

  it('answers the system time outside a scope', () => {
    const before = Date.now();
    const now = new DemoClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('answers the scope’s time in work started inside it, across awaits and macrotask hops', async () => {
    const clock = new DemoClock();
    const seen = await clock.at(past, async () => {
      const first = clock.now();
      await new Promise((resolve) => setImmediate(resolve));
      const afterHop = await new Promise<Date>((resolve) => setTimeout(() => resolve(clock.now()), 1));
      return [first, afterHop];
    });
    expect(seen).toEqual([past, past]);
  });

  it('keeps concurrent scopes apart and leaves the caller outside them', async () => {
    const clock = new DemoClock();
    const other = new Date('2026-10-31T00:00:00.000Z');
    const [a, b] = await Promise.all([
      clock.at(past, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return clock.now();
      }),
      clock.at(other, async () => clock.now()),
    ]);
    expect([a, b]).toEqual([past, other]);
    const before = Date.now();
    const outside = clock.now().getTime();
    expect(outside).toBeGreaterThanOrEqual(before);
    expect(outside).toBeLessThanOrEqual(Date.now());
  });

  it('hands out copies, so a caller cannot move the scope’s time', async () => {
    const clock = new DemoClock();
    const times = await clock.at(past, async () => {
      clock.now().setTime(0);
      return clock.now();
    });
    expect(times).toEqual(past);
  });
});
