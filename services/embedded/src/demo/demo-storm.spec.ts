import { DEMO_STORM, stormTimes } from './demo-storm';

const HOUR = 3_600_000;

describe("the demo's storm", () => {
  it.each(['2026-12-07T02:00:00Z', '2026-12-07T02:29:59Z', '2026-12-07T02:30:00Z', '2026-12-07T02:59:59Z'])(
    'puts its calls (registered a minute later) in one clock hour, all before %s, within the last two hours',
    (iso) => {
      const now = new Date(iso);
      const times = stormTimes(now).map((at) => at.getTime());
      expect(times).toHaveLength(DEMO_STORM.calls);
      expect(new Set(times.map((t) => Math.floor(t / HOUR))).size).toBe(1);
      // Registered a minute after the last call, still in the past and in the same hour.
      const lastRegistered = Math.max(...times) + 60_000;
      expect(lastRegistered).toBeLessThanOrEqual(now.getTime());
      expect(Math.floor(lastRegistered / HOUR)).toBe(Math.floor(times[0]! / HOUR));
      // The surge check looks at the current hour and the one before.
      expect(Math.floor(now.getTime() / HOUR) - Math.floor(times[0]! / HOUR)).toBeLessThanOrEqual(1);
    },
  );
});
