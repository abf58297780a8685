/**
 * The survey service (services/survey): callback tasks made for 100,000 completed cases (the
 * scheduler reads each case's stream and appends its task; goal ≥ 1,000 tasks/s embedded), random-
 * start systematic sampling of 10,000 numbers from a 1,000,000-number frame file (parse + sample),
 * a 1,000,000-number frame file imported in its parts (bench/survey-frame-parts.ts), and the SMS
 * survey page under 200 concurrent citizens (open the page, answer; p95 on the bus, the
 * gateway route is not built yet). BENCH_SCALE shrinks every count.
 */
import { randomUUID } from 'node:crypto';
import {
  SURVEY_SERVICE,
  commandSubject,
  querySubject,
  systemActor,
  type EventToAppend,
} from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform } from '@hotline/infra/platform/testing';
import { SurveyLinkSigner, createSurveyService, routineTaskId } from '@hotline/survey';
import { chinaWorkingCalendar } from '@hotline/contracts';
import { parseFrameFile, pollRoundDecider, sampleByQuota } from '@hotline/survey/polls';
import { firstValueFrom } from 'rxjs';
import { frameParts } from './survey-frame-parts';
import { timed, type BenchContext, type BenchResult, type Benchmark } from './bench-kit';

const CASES = 100_000;
const FRAME = 1_000_000;
const SAMPLE = 10_000;
const CITIZENS = 200;
const SECRET = 'bench-survey-link-secret-0123456789';
const DISTRICTS = ['gulou', 'taijiang', 'cangshan', 'jinan', 'mawei'];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** A completed case as the workflow writes it: registered, replied, completed. */
function caseEvents(caseId: string, i: number): EventToAppend[] {
  const metadata = {
    correlationId: caseId,
    causationId: caseId,
    actor: systemActor('bench'),
    districtId: DISTRICTS[i % DISTRICTS.length] ?? 'gulou',
  };
  const time = new Date(Date.parse('2026-12-04T08:00:00Z') + i).toISOString();
  const event = (type: string, data: unknown, n: number): EventToAppend => ({
    id: `${caseId}-${n}`,
    type,
    version: 1,
    data,
    metadata,
    time,
  });
  return [
    event(
      'CaseRegistered',
      {
        caseId,
        caseNumber: String(26_000_000 + i).slice(-8),
        type: i % 3 === 0 ? 'consult' : 'complaint',
        categoryCode: '030101',
        content: '工地夜间施工噪声扰民',
        citizen: {
          name: '王先生',
          phone: `138${String(i).padStart(8, '0')}`,
          confidential: false,
          anonymous: false,
        },
        channel: i % 2 === 0 ? 'phone' : 'web',
        attachments: [],
        urgency: 'normal',
        simple: false,
        convenienceList: false,
        dispatchBy: time,
      },
      0,
    ),
    event('CaseReplied', { caseId, unitId: `unit-${i % 50}`, result: '已处理', attachments: [] }, 1),
    event('CaseCompleted', { caseId }, 2),
  ];
}

async function callbackTasks(context: BenchContext): Promise<BenchResult[]> {
  const cases = Math.max(50, Math.round(CASES * context.scale));
  const env = { LOG_LEVEL: 'warn', EVENT_STORE_DURABILITY: 'normal' };
  // The raw line: the same cases appended with no survey running.
  const writer = await bootPlatform([], { env });
  const raw = await timed(cases, async () => {
    for (let i = 0; i < cases; i++)
      await writer.platform.eventStore.append(`case-raw-${i}`, caseEvents(`raw-${i}`, i), 'noStream');
  });
  await writer.close();

  // Ours: the survey follows the store live (a new consumer starts at the head, so history is not
  // called back); from the first case appended to the last task appended.
  const survey = createSurveyService({ env: { SURVEY_LINK_SECRET: SECRET, SURVEY_DUE_RUNNER: 'false' } });
  const booted = await bootPlatform([survey], { dir: context.tmpDir, env });
  const store = booted.platform.eventStore;
  const ours = await timed(cases, async () => {
    for (let i = 0; i < cases; i++)
      await store.append(`case-bench-${i}`, caseEvents(`bench-${i}`, i), 'noStream');
    const last = routineTaskId(`bench-${cases - 1}`, 1);
    while ((await store.readStreamOrEmpty(`callbackTask-${last}`)).length === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
  });
  await booted.close();
  return [
    {
      name: `survey: callback tasks for ${cases.toLocaleString('en-US')} completed cases`,
      unit: 'task',
      ours,
      raw: { ...raw, label: 'appending the cases alone' },
      goal: { minPerSecond: 1_000 },
      notes:
        'cases appended while the survey runs, until the last task is appended (cases and tasks share the store)',
    },
  ];
}

function sampling(context: BenchContext): BenchResult[] {
  const size = Math.max(1_000, Math.round(FRAME * context.scale));
  const wanted = Math.max(10, Math.round(SAMPLE * context.scale));
  const lines = ['phone,district'];
  for (let i = 0; i < size; i++)
    lines.push(`139${String(i).padStart(8, '0')},${DISTRICTS[i % DISTRICTS.length]}`);
  const text = lines.join('\n');
  const started = process.hrtime.bigint();
  const parsed = parseFrameFile(text);
  const quotas = DISTRICTS.map((district) => ({
    district,
    frame: 'carrier',
    count: Math.round(wanted / DISTRICTS.length),
  }));
  const drawn = sampleByQuota({ carrier: parsed.entries }, quotas, 'bench-seed').reduce(
    (n, q) => n + q.sample.length,
    0,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The round's own decision: the same draw, and the call list cut into the events it appends.
  const questionnaire = {
    units: [{ unitId: 'u', name: 'u' }],
    questions: [
      {
        questionId: 'q',
        text: 'q',
        weight: 1,
        options: [
          { key: 'a', label: 'a', score: 100 },
          { key: 'b', label: 'b', score: 0 },
        ],
      },
    ],
  };
  const round = pollRoundDecider.evolve(pollRoundDecider.initialState(), {
    type: 'PollRoundDefined',
    data: { roundId: 'bench', title: 'bench', seed: 'bench-seed', auditShare: 0, questionnaire, quotas },
  } as Parameters<typeof pollRoundDecider.evolve>[1]);
  const decideStarted = process.hrtime.bigint();
  const events = pollRoundDecider.decide({ type: 'DrawPollSample', data: { roundId: 'bench' } }, round, {
    now: new Date(),
    actor: { id: 'bench', role: 'center' },
    districtId: 'city',
    commandId: 'bench',
    calendar: chinaWorkingCalendar(),
    frames: { carrier: parsed.entries },
  });
  const decideSeconds = Number(process.hrtime.bigint() - decideStarted) / 1e9;
  return [
    {
      name: `survey: sample ${drawn.toLocaleString('en-US')} from a ${size.toLocaleString('en-US')}-number frame`,
      unit: 'number',
      ours: { ops: size, seconds },
      notes: `parse the file (every line checked) and draw per district quota; ${parsed.rejected.length} rejected`,
    },
    {
      name: `survey: a poll round's draw decision over a ${size.toLocaleString('en-US')}-number frame`,
      unit: 'number',
      ours: { ops: size, seconds: decideSeconds },
      notes: `DrawPollSample decided: ${events.length} events (the call list in events of 500)`,
    },
  ];
}

async function surveyPage(context: BenchContext): Promise<BenchResult[]> {
  const citizens = Math.max(10, Math.round(CITIZENS * Math.sqrt(context.scale)));
  const survey = createSurveyService({
    env: {
      SURVEY_LINK_SECRET: SECRET,
      SURVEY_DUE_RUNNER: 'false',
      SURVEY_METHOD_BY_CHANNEL: 'phone=sms,web=sms',
    },
  });
  const running = await bootPlatform([survey], { env: { LOG_LEVEL: 'warn' } });
  for (let i = 0; i < citizens; i++)
    await running.platform.eventStore.append(`case-page-${i}`, caseEvents(`page-${i}`, i), 'noStream');
  const client = running.platform.client();
  const actor = systemActor('bench');
  const send = (type: string, data: unknown) => {
    const commandId = randomUUID();
    const metadata = { correlationId: commandId, actor, districtId: 'gulou' };
    return firstValueFrom(
      client.send(
        commandSubject(SURVEY_SERVICE, type),
        new BusRecord({ commandId, type, data, metadata }, messageHeaders(metadata)),
      ),
    );
  };
  const signer = new SurveyLinkSigner(SECRET);
  const tokens: string[] = [];
  for (let i = 0; i < citizens; i++) {
    const taskId = routineTaskId(`page-${i}`, 1);
    for (;;) {
      if ((await running.platform.eventStore.readStreamOrEmpty(`callbackTask-${taskId}`)).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await send('IssueCallbackSurveyLink', { taskId });
    const [, issued] = await running.platform.eventStore.readStreamOrEmpty(`callbackTask-${taskId}`);
    tokens.push(signer.sign(taskId, new Date((issued?.data as { expiresAt: string }).expiresAt)));
  }
  const latencies: number[] = [];
  const ratings = { efficiency: 'satisfied', attitude: 'satisfied', result: 'basically-satisfied' };
  const throughput = await timed(citizens * 2, async () => {
    await Promise.all(
      tokens.map(async (token) => {
        const started = performance.now();
        await firstValueFrom(client.send(querySubject(SURVEY_SERVICE, 'GetCallbackSurveyPage'), { token }));
        latencies.push(performance.now() - started);
        const answered = performance.now();
        await send('AnswerCallbackSurvey', { token, ratings });
        latencies.push(performance.now() - answered);
      }),
    );
  });
  await running.close();
  latencies.sort((a, b) => a - b);
  return [
    {
      name: `survey: SMS survey page, ${citizens} concurrent citizens`,
      unit: 'request',
      ours: throughput,
      notes: `open the page and answer, on the bus: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    },
  ];
}

export const run: Benchmark = async (context) => [
  ...(await callbackTasks(context)),
  ...sampling(context),
  ...(await frameParts(context)),
  ...(await surveyPage(context)),
];
