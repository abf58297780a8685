import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { extractPdfText, readXlsx } from '@hotline/infra/documents/testing';
import { createGatewayService } from '@hotline/gateway';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { reportingService } from '@hotline/reporting';
import { workflowService } from '@hotline/workflow';
import { people, runClosedLoop } from './testing/case-loop';
import { HotlineHttp } from './testing/hotline-http';

type Json = Record<string, unknown>;
interface KpiRow {
  key: string;
  counters: Record<string, number>;
  kpis: { key: string; numerator: number; denominator: number }[];
}

/** Today in Beijing time: the day the loop's case is registered. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('reports over HTTP after one closed loop [embedded]', () => {
  let running: BootedPlatform;
  let http: HotlineHttp;
  let caseId: string;
  let caseNumber: string;

  let centerSession: SessionHeaders;
  const file = async (path: string) => {
    const response = await fetch(`${running.url}${path}`, { headers: centerSession });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition') ?? '',
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    // A row limit of 1: the case list of the loop's case streams, a list of three runs as a job.
    const gateway = createGatewayService({ reportsEnv: { REPORT_EXPORT_ROW_LIMIT: '1' } });
    running = await bootPlatform([workflowService, reportingService, gateway], {
      env: { LOG_LEVEL: 'warn' },
    });
    http = new HotlineHttp(running.url);
    await http.waitUntilReady();
    ({ caseId, caseNumber } = await runClosedLoop(http));
    centerSession = await signIn(running.url, 'center');
  }, 120_000);
  afterAll(async () => {
    await running.close();
  });

  const totals = async (query: string): Promise<KpiRow> => {
    // The counters follow the log; the loop's last event arrives within moments.
    for (let attempt = 0; ; attempt += 1) {
      const report = await http.ok<{ totals: KpiRow }>('GET', `/api/reports/kpis?${query}`, {
        as: people.center,
      });
      if ((report.totals.counters.closed ?? 0) >= 1 || attempt > 100) return report.totals;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('counts the loop: one case received, returned once, redone once, dissatisfied at its first callback', async () => {
    const day = today();
    const row = await totals(`from=${day}&to=${day}&districtId=gulou`);
    expect(row.counters).toMatchObject({
      received: 1,
      dispatched: 1,
      returned: 1,
      redone: 1,
      evaluated: 1,
      dissatisfied: 1,
      closed: 1,
    });
    expect(row.kpis.find((kpi) => kpi.key === 'satisfaction')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    const drill = await http.ok<{ cases: Json[] }>(
      'GET',
      `/api/reports/cases?from=${day}&to=${day}&metric=redone`,
      {
        as: people.center,
      },
    );
    expect(drill.cases.map((fact) => fact._id)).toEqual([caseId]);
  });

  it('refuses a reversed range with 400 naming the field, and an unknown breakdown', async () => {
    expect(
      await http.request('GET', '/api/reports/kpis?from=2026-12-02&to=2026-12-01', { as: people.center }),
    ).toMatchObject({
      status: 400,
      body: { error: { field: 'to' } },
    });
    const unknown = await http.request<Json>(
      'GET',
      `/api/reports/kpis?from=${today()}&to=${today()}&groupBy=colour`,
      {
        as: people.center,
      },
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('groupBy');
  });

  it('exports the report as xlsx, CSV and PDF, in Chinese', async () => {
    const day = today();
    const xlsx = await file(`/api/reports/kpis/export?format=xlsx&from=${day}&to=${day}&groupBy=unit`);
    expect(xlsx.status).toBe(200);
    const [sheet] = await readXlsx(xlsx.body);
    expect(String(sheet!.rows[0]![0])).toContain('热线运行指标报表');
    expect(sheet!.rows[1]!.slice(0, 2)).toEqual(['承办单位', '受理量']);
    expect(sheet!.rows.at(-1)![0]).toBe('合计');
    const csv = await file(`/api/reports/kpis/export?format=csv&from=${day}&to=${day}`);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.toString('utf8')).toMatch(/^\ufeff范围,受理量/);
    const pdf = await file(`/api/reports/kpis/export?format=pdf&from=${day}&to=${day}`);
    // A header may wrap inside its cell: read the page as one run of text.
    expect(extractPdfText(pdf.body).join('').replace(/\n/g, '')).toContain('转办及时率');
  });

  it('exports the case list: streamed up to the row limit, beyond it a job to poll and download', async () => {
    const day = today();
    const streamed = await file(
      `/api/reports/cases/export?format=xlsx&from=${day}&to=${day}&categoryCode=03`,
    );
    expect(streamed.status).toBe(200);
    expect(decodeURIComponent(streamed.disposition.split("filename*=UTF-8''")[1] ?? '')).toBe(
      `工单明细-${day}至${day}.xlsx`,
    );
    const [sheet] = await readXlsx(streamed.body);
    expect(sheet!.rows[0]!.slice(0, 3)).toEqual(['工单编号', '受理时段', '区县']);
    expect(sheet!.rows[1]![0]).toBe(caseNumber);
    expect(sheet!.rows[1]).toContain('已归档');

    for (const n of [1, 2]) {
      await http.ok('POST', '/api/cases', {
        as: people.agent,
        body: {
          commandId: `export-extra-${n}-${caseId}`,
          caseId: `export-extra-${n}-${caseId}`,
          districtId: 'gulou',
          type: 'consult',
          categoryCode: '040101',
          content: '咨询公积金提取的办理材料',
          citizen: { name: '李女士', phone: '139 0013 9000' },
          channel: 'phone',
        },
      });
    }
    // The counters follow the log: wait until they know the three cases.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const list = await http.ok<Json>('GET', `/api/reports/cases?from=${day}&to=${day}&withTotal=true`, {
        as: people.center,
      });
      if (list.total === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const started = await fetch(`${running.url}/api/reports/cases/export?format=csv&from=${day}&to=${day}`, {
      headers: centerSession,
    });
    expect(started.status).toBe(202);
    const job = (await started.json()) as Json;
    expect(job).toMatchObject({ status: 'running', jobId: expect.stringMatching(/^exp-/) as unknown });
    let status: Json = job;
    for (let attempt = 0; status.status === 'running' && attempt < 100; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await http.ok<Json>('GET', `/api/reports/export-jobs/${String(job.jobId)}`, {
        as: people.center,
      });
    }
    expect(status).toMatchObject({ status: 'done', total: 3, written: 3 });
    const csv = await file(`/api/reports/export-jobs/${String(job.jobId)}/file`);
    expect(csv.type).toContain('text/csv');
    const text = csv.body.toString('utf8');
    expect(text).toMatch(/^\ufeff工单编号,受理时段/);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    // Another user does not learn that the job exists.
    const other = await http.request('GET', `/api/reports/export-jobs/${String(job.jobId)}`, {
      as: people.gulou,
    });
    expect(other.status).toBe(404);
    const pdf = await file(`/api/reports/cases/export?format=pdf&from=${day}&to=${day}`);
    expect(pdf.status).toBe(400);
    expect(pdf.body.toString()).toContain('format');
  });

  it("prints the case's transfer form and reply letter", async () => {
    const form = await file(`/api/reports/case-documents/${caseId}/transfer-form`);
    expect(form.type).toBe('application/pdf');
    const formText = extractPdfText(form.body).join('\n');
    expect(formText).toContain('12345热线工单转办单');
    expect(formText).toContain(caseNumber);
    const letter = extractPdfText(
      (await file(`/api/reports/case-documents/${caseId}/reply-letter`)).body,
    ).join('\n');
    expect(letter).toContain('答复函');
  });

  it('ranks the units on their scorecards', async () => {
    const day = today();
    const { units } = await http.ok<{ units: Json[] }>(
      'GET',
      `/api/reports/scorecards?from=${day}&to=${day}`,
      {
        as: people.center,
      },
    );
    expect(units.length).toBeGreaterThan(0);
    expect(units[0]).toMatchObject({ rank: 1, score: expect.any(Number) as unknown });
  });
});
