/**
 * The Prometheus alert rules and the Grafana dashboard (k8s/monitoring) name only metrics the
 * services export, and keep the shape their tools need. promtool checks and unit-tests the rules in
 * CI's Kubernetes step (scripts/k8s-check.mjs, k8s/monitoring/alerts.test.yaml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const rules = readFileSync(join(ROOT, 'k8s/monitoring/alerts.rules.yaml'), 'utf8');
const dashboardText = readFileSync(join(ROOT, 'k8s/monitoring/grafana-dashboard.json'), 'utf8');

/** `name: 'hotline_…'` of every prom-client metric in the services' and the kit's sources. */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/name: '(hotline_[a-z_]+)'/g)) names.add(m[1]!);
      }
    }
  };
  for (const dir of ['infra/src', 'services', 'sipapp/src']) walk(join(ROOT, dir));
  return names;
}

const named = (text: string): string[] => [
  ...new Set(
    [...text.matchAll(/\b(hotline_[a-z_]+)/g)].map((m) => m[1]!.replace(/_(bucket|sum|count)$/, '')),
  ),
];

interface Panel {
  id: number;
  title: string;
  targets: Array<{ expr: string }>;
}

describe('monitoring files', () => {
  const metrics = exportedMetrics();

  it('alert on and chart only metrics that some service exports', () => {
    const unknown = [...named(rules), ...named(dashboardText)].filter((name) => !metrics.has(name));
    expect(unknown).toEqual([]);
    expect(named(rules).length).toBeGreaterThanOrEqual(5);
  });

  it('give every alert an expression, a duration, a severity and a summary', () => {
    const alerts = rules.split(/\n\s+- alert: /).slice(1);
    expect(alerts.length).toBeGreaterThanOrEqual(6);
    for (const alert of alerts) {
      const name = alert.split('\n')[0];
      expect({ name, expr: /\n\s+expr: /.test(alert) }).toEqual({ name, expr: true });
      expect({ name, for: /\n\s+for: \d+m/.test(alert) }).toEqual({ name, for: true });
      expect({ name, severity: /severity: (critical|warning)/.test(alert) }).toEqual({
        name,
        severity: true,
      });
      expect({ name, summary: /summary: /.test(alert) }).toEqual({ name, summary: true });
    }
    expect(rules).not.toMatch(/\t/);
  });

  it('make a dashboard Grafana can import: unique panel ids, a query in every panel', () => {
    const dashboard = JSON.parse(dashboardText) as { uid: string; panels: Panel[] };
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.targets.every((t) => t.expr.length > 0)).toBe(true);
  });
});
