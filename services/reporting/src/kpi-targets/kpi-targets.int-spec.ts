import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORTING_SERVICE, commandSubject, querySubject, type Actor } from '@hotline/contracts';
import { isolatedStreamSettings, privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { rejectionOf } from '@hotline/infra/event-store/testing';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { firstValueFrom } from 'rxjs';
import { createReportingService } from '../reporting.module';

const director: Actor = { id: 'center-7', role: 'center', gatewayRole: 'center', name: '王主任' };
const agent: Actor = { id: 'agent-1', role: 'agent', gatewayRole: 'agent' };

interface Kpi {
  key: string;
  target?: number;
}
interface Report {
  totals: { kpis: Kpi[] };
  rows: { key: string; kpis: Kpi[] }[];
  targetsSet?: { version: number; by: { id: string; name?: string }; at: string };
}
interface Refusal {
  code: string;
  kind: string;
  field?: string;
  message: string;
}

describe('KPI targets over NATS [SQLite event store and read store]', () => {
  let dir: string;
  let nats: PrivateNats;
  let booted: BootedPlatform;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-kpi-targets-'));
    nats = await privateNats(dir);
    booted = await bootPlatform(
      [createReportingService({ env: { REPORTING_KPI_TARGETS: 'satisfaction=90%' } })],
      {
        name: 'reporting',
        env: {
          HOTLINE_MODE: 'distributed',
          NATS_URL: nats.url,
          EVENT_STORE: 'sqlite',
          READ_STORE: 'sqlite',
          ...isolatedStreamSettings('KPT', 'kpitargets'),
        },
      },
    );
  });
  afterAll(async () => {
    await booted?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = <T>(subject: string, payload: unknown): Promise<T> =>
    firstValueFrom(booted.platform.client().send<T>(subject, payload));
  const setTargets = (commandId: string, data: unknown, actor: Actor = director) =>
    send<{ position: number; events: unknown[] }>(commandSubject(REPORTING_SERVICE, 'SetKpiTargets'), {
      commandId,
      type: 'SetKpiTargets',
      data,
      metadata: { correlationId: commandId, actor, districtId: 'city' },
    });
  const query = <T>(type: string, data: Record<string, unknown> = {}) =>
    send<T>(querySubject(REPORTING_SERVICE, type), {
      viewer: { actor: director, districtId: 'city' },
      ...data,
    });
  const refused = async (promise: Promise<unknown>) => (await rejectionOf(promise)) as Refusal;
  const target = (kpis: Kpi[], key: string) => kpis.find((kpi) => kpi.key === key)?.target;
  const month = { from: '2026-12-01', to: '2026-12-07' };

  it('measures against the setting until the first edit, then against the edit, per district too', async () => {
    const before = await query<Report>('GetKpiReport', month);
    expect(target(before.totals.kpis, 'satisfaction')).toBe(0.9);
    expect(before.targetsSet).toBeUndefined();
    expect(await query('GetKpiTargets')).toMatchObject({ version: 0, targets: { satisfaction: 0.9 } });

    const data = {
      expectedVersion: 0,
      targets: { satisfaction: 0.97, onTimeCompletion: 0.96 },
      districtTargets: { gulou: { satisfaction: 0.99 } },
    };
    const answer = await setTargets('kpi-targets-1', data);
    expect(answer.events).toHaveLength(1);
    // The same command id again: the first answer, nothing appended twice.
    expect(await setTargets('kpi-targets-1', data)).toMatchObject({ position: answer.position });
    const stream = await booted.platform.eventStore.readStream('kpiTargets-city');
    expect(stream.map((event) => event.type)).toEqual(['KpiTargetsSet']);
    expect(stream[0]!.metadata.actor).toMatchObject({ id: 'center-7', name: '王主任' });

    const after = await query<Report>('GetKpiReport', month);
    expect(target(after.totals.kpis, 'satisfaction')).toBe(0.97);
    expect(target(after.totals.kpis, 'onTimeCompletion')).toBe(0.96);
    // The edit replaced the whole table: a KPI it left out has no target any more.
    expect(target(after.totals.kpis, 'completion')).toBeUndefined();
    expect(after.targetsSet).toMatchObject({ version: 1, by: { id: 'center-7', name: '王主任' } });
    const gulou = await query<Report>('GetKpiReport', { ...month, districtId: 'gulou' });
    expect(target(gulou.totals.kpis, 'satisfaction')).toBe(0.99);
    expect(target(gulou.totals.kpis, 'onTimeCompletion')).toBe(0.96);
  });

  it('refuses a stale version, an unknown KPI, a target out of range and a role, storing nothing', async () => {
    const stale = await refused(
      setTargets('kpi-targets-2', { expectedVersion: 0, targets: { satisfaction: 0.8 } }),
    );
    expect(stale).toMatchObject({
      code: 'KPI_TARGETS_VERSION_CONFLICT',
      kind: 'conflict',
      field: 'expectedVersion',
    });
    const unknown = await refused(
      setTargets('kpi-targets-3', { expectedVersion: 1, targets: { satisfactoin: 0.8 } }),
    );
    expect(unknown).toMatchObject({ code: 'KPI_TARGETS_UNKNOWN_KPI', field: 'targets.satisfactoin' });
    const range = await refused(
      setTargets('kpi-targets-4', { expectedVersion: 1, targets: { satisfaction: 1.5 } }),
    );
    expect(range).toMatchObject({ kind: 'validation', field: 'targets.satisfaction' });
    expect(range.message).toMatch(/satisfaction must be from 0 to 1/);
    const role = await refused(
      setTargets('kpi-targets-5', { expectedVersion: 1, targets: { satisfaction: 0.8 } }, agent),
    );
    expect(role).toMatchObject({ code: 'KPI_TARGETS_ROLE_NOT_ALLOWED', kind: 'forbidden' });
    expect(await booted.platform.eventStore.readStream('kpiTargets-city')).toHaveLength(1);
    expect(await query('GetKpiTargets')).toMatchObject({
      version: 1,
      targets: { satisfaction: 0.97 },
      history: [{ version: 1, setBy: { id: 'center-7', name: '王主任' } }],
    });
  });
});
