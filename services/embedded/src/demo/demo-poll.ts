import { CITY_DISTRICT, SURVEY_SERVICE } from '@hotline/contracts';
import type { DemoBus } from './demo-bus';
import { demoAgent, demoCenter } from './demo-people';

const DAY = 24 * 3_600_000;
const ROUND = 'demo-2026';
const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basic', label: '基本满意', score: 80 },
  { key: 'fair', label: '一般', score: 60 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const UNITS = [
  { unitId: 'housing-bureau', name: '市住房和城乡建设局' },
  { unitId: 'water-group', name: '市自来水公司' },
  { unitId: 'transport-bureau', name: '市交通运输局' },
  { unitId: 'market-bureau', name: '市市场监督管理局' },
];
const phone = (n: number): string => `1370000${String(n).padStart(4, '0')}`;

/** A frame file as the evaluation office hands it over: a header, the numbers, a few bad lines. */
function frameFile(
  from: number,
  count: number,
  district: (i: number) => string,
  unit?: (i: number) => string,
) {
  const lines = ['phone,district,unit'];
  for (let i = 0; i < count; i++) lines.push([phone(from + i), district(i), unit?.(i) ?? ''].join(','));
  lines.push('0591-1234,gulou', `${phone(from)},gulou`);
  return lines.join('\n');
}

/**
 * This year's opinion poll (民主评议) in the demo city: the questionnaire on four units, quotas per
 * district and frame, three frame files (each with invalid lines the center sees reported), and the
 * drawn sample waiting for the interviewers in the desk.
 */
export async function seedDemoPoll(bus: DemoBus, now: Date): Promise<void> {
  const center = demoCenter(0, CITY_DISTRICT);
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const send = (step: string, type: string, data: Record<string, unknown>, when: Date) =>
    bus.command(
      SURVEY_SERVICE,
      type,
      `demo:poll:${ROUND}:${step}`,
      center,
      { roundId: ROUND, ...data },
      when,
    );
  await send(
    'define',
    'DefinePollRound',
    {
      title: '2026年度全市民主评议',
      seed: 'demo-2026',
      auditShare: 0.1,
      questionnaire: {
        units: UNITS,
        questions: [
          { questionId: 'attitude', text: '服务态度', weight: 3, options: scale },
          { questionId: 'efficiency', text: '办事效率', weight: 3, options: scale },
          { questionId: 'result', text: '办理结果', weight: 4, options: scale },
        ],
      },
      quotas: [
        { district: 'gulou', frame: 'hotline', count: 20 },
        { district: 'taijiang', frame: 'hotline', count: 20 },
        { district: 'gulou', frame: 'department', count: 12 },
        { district: 'taijiang', frame: 'carrier', count: 40 },
      ],
    },
    at(6),
  );
  const districts = (i: number) => (i % 2 === 0 ? 'gulou' : 'taijiang');
  const files: [string, string, string][] = [
    ['hotline', '热线直办类来电号码.csv', frameFile(0, 160, districts)],
    [
      'department',
      '被评议部门提供号码.csv',
      frameFile(
        1000,
        48,
        () => 'gulou',
        (i) => UNITS[i % 4]?.unitId ?? '',
      ),
    ],
    ['carrier', '运营商号码（台江区）.csv', frameFile(2000, 30, () => 'taijiang')],
  ];
  for (const [frame, fileName, content] of files)
    await send(`frame-${frame}`, 'ImportSamplingFrame', { frame, fileName, content }, at(5));
  await send('draw', 'DrawPollSample', {}, at(4));
  await interview(bus, at);
}

/** Answers per interview, round robin over the units: enough for a ranking and its printed report. */
const ANSWERS: readonly (readonly [string, string, string])[] = [
  ['satisfied', 'satisfied', 'basic'],
  ['basic', 'fair', 'basic'],
  ['satisfied', 'basic', 'dissatisfied'],
  ['fair', 'fair', 'satisfied'],
];

/**
 * Two demo interviewers call the first numbers of the list: most answer about two units, one is
 * not reached. The rest of the sample waits for the desk; the results show an index and a rank.
 */
async function interview(bus: DemoBus, at: (days: number) => Date): Promise<void> {
  for (let n = 0; n < 10; n++) {
    const interviewer = demoAgent(n % 2, CITY_DISTRICT);
    const step = (name: string) => `demo:poll:${ROUND}:interview-${n}:${name}`;
    const taken = await bus.command(
      SURVEY_SERVICE,
      'TakeNextPollInterview',
      step('take'),
      interviewer,
      { roundId: ROUND },
      at(3),
    );
    const interviewId = String((taken as { streamId?: string }).streamId ?? '').replace('pollInterview-', '');
    if (n === 4) {
      await bus.command(
        SURVEY_SERVICE,
        'RecordPollInterviewFailure',
        step('failure'),
        interviewer,
        { interviewId, failure: 'not-reached' },
        at(3),
      );
      continue;
    }
    const evaluations = [UNITS[n % 4], UNITS[(n + 1) % 4]].map((unit, i) => {
      const [attitude, efficiency, result] = ANSWERS[(n + i) % ANSWERS.length] ?? ANSWERS[0]!;
      return { unitId: unit?.unitId, answers: { attitude, efficiency, result } };
    });
    await bus.command(
      SURVEY_SERVICE,
      'RecordPollInterview',
      step('answer'),
      interviewer,
      { interviewId, evaluations, recordingId: `demo-poll-rec-${n + 1}` },
      at(3),
    );
  }
}
