import { commandMetrics, counter, createMetrics, gauge } from './metrics';

describe('createMetrics', () => {
  it('labels every metric with the service and includes the default Node metrics', async () => {
    const registry = createMetrics('workflow');
    commandMetrics(registry).total.inc({ type: 'DispatchCase', outcome: 'ok' });
    const text = await registry.metrics();
    expect(text).toContain('hotline_commands_total{type="DispatchCase",outcome="ok",service="workflow"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('gives the same instrument to every component that asks for it by name', () => {
    const registry = createMetrics('embedded', { defaultMetrics: false });
    const a = commandMetrics(registry);
    const b = commandMetrics(registry);
    expect(b.total).toBe(a.total);
    expect(b.duration).toBe(a.duration);
  });

  it('refuses to reuse a name for another kind of instrument', () => {
    const registry = createMetrics('x', { defaultMetrics: false });
    counter(registry, { name: 'hotline_things_total', help: 'things' });
    expect(() => gauge(registry, { name: 'hotline_things_total', help: 'things' })).toThrow('another kind');
  });
});
