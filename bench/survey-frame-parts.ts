/**
 * A 1,000,000-number frame file imported in parts of 512 KiB, as the console sends it: the time of
 * each part's command on the bus (parse, the duplicate check against the frame, append), the 1st and
 * the 20th compared. Beside it, the load every part made before the frames were folded once per
 * instance: the frame's whole stream read and folded at the 20th part.
 */
import { randomUUID } from 'node:crypto';
import { POLL_FRAME_FILE_MAX_CHARS, SURVEY_SERVICE, commandSubject, type Actor } from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform } from '@hotline/infra/platform/testing';
import { createSurveyService } from '@hotline/survey';
import { pollFrameAggregate } from '@hotline/survey/polls';
import { firstValueFrom } from 'rxjs';
import type { BenchContext, BenchResult } from './bench-kit';

/** 1st, 2nd, 3rd, 20th (a small scale makes the 20th part the 2nd). */
const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

const FRAME = 1_000_000;
const DISTRICTS = ['gulou', 'taijiang', 'cangshan', 'jinan', 'mawei'];
const ROUND = 'bench-parts';

/** The file's lines cut into parts of whole lines under the command's cap, each with its first line. */
function parts(size: number): { content: string; firstLine: number }[] {
  const cut: { content: string; firstLine: number }[] = [];
  let lines: string[] = [];
  let bytes = 0;
  let firstLine = 1;
  for (let i = 0; i < size; i++) {
    const line = `139${String(i).padStart(8, '0')},${DISTRICTS[i % DISTRICTS.length]}`;
    if (bytes + line.length + 1 > POLL_FRAME_FILE_MAX_CHARS) {
      cut.push({ content: lines.join('\n'), firstLine });
      firstLine += lines.length;
      lines = [];
      bytes = 0;
    }
    lines.push(line);
    bytes += line.length + 1;
  }
  if (lines.length > 0) cut.push({ content: lines.join('\n'), firstLine });
  return cut;
}

export async function frameParts(context: BenchContext): Promise<BenchResult[]> {
  const size = Math.max(50_000, Math.round(FRAME * context.scale));
  const survey = createSurveyService({ env: { SURVEY_LINK_SECRET: 'bench-frame-parts-0123456789abcdef' } });
  const running = await bootPlatform([survey], { dir: context.tmpDir, env: { LOG_LEVEL: 'warn' } });
  const client = running.platform.client();
  const actor: Actor = { id: 'bench-center', role: 'center' };
  const send = async (type: string, data: unknown, commandId: string = randomUUID()) => {
    const metadata = { correlationId: commandId, actor, districtId: 'city' };
    await firstValueFrom(
      client.send(
        commandSubject(SURVEY_SERVICE, type),
        new BusRecord({ commandId, type, data, metadata }, messageHeaders(metadata)),
      ),
    );
  };
  const scale = [
    { key: 'yes', label: '满意', score: 100 },
    { key: 'no', label: '不满意', score: 0 },
  ];
  await send('DefinePollRound', {
    roundId: ROUND,
    title: 'bench',
    seed: 'bench',
    questionnaire: {
      units: [{ unitId: 'u', name: '单位' }],
      questions: [{ questionId: 'q', text: '问题', weight: 1, options: scale }],
    },
    quotas: [{ district: 'gulou', frame: 'carrier', count: 10 }],
  });
  const file = parts(size);
  const times: number[] = [];
  for (const [index, { content, firstLine }] of file.entries()) {
    const part = { fileId: 'bench', index, count: file.length, firstLine };
    const started = performance.now();
    await send(
      'ImportSamplingFrame',
      { roundId: ROUND, frame: 'carrier', fileName: 'bench.csv', content, part },
      `${ROUND}.carrier.bench.${index}`,
    );
    times.push(performance.now() - started);
  }
  // What each part paid before: the frame's stream read and folded, here at the 20th part's size.
  const twentieth = Math.min(19, file.length - 1);
  const streamId = pollFrameAggregate.streamId(`${ROUND}.carrier`);
  const store = running.platform.eventStore;
  const all = await store.readStreamOrEmpty(streamId);
  const before = all.findIndex((e) => e.metadata.commandId === `${ROUND}.carrier.bench.${twentieth}`);
  const reloadStarted = performance.now();
  pollFrameAggregate.fold(await store.readStreamOrEmpty(streamId, { maxCount: Math.max(1, before) }));
  const reload = performance.now() - reloadStarted;
  await running.close();
  const perPart = Math.round(size / file.length);
  const ms = (n: number | undefined) => `${(n ?? 0).toFixed(0)} ms`;
  const sorted = [...times].sort((a, b) => a - b);
  return [
    {
      name: `survey: a ${size.toLocaleString('en-US')}-number frame file in ${file.length} parts of 512 KiB`,
      unit: 'number',
      ours: { ops: size, seconds: times.reduce((a, b) => a + b, 0) / 1000 },
      notes:
        `each part a command on the bus (about ${perPart.toLocaleString('en-US')} numbers): 1st ${ms(times[0])}, ` +
        `${ordinal(twentieth + 1)} ${ms(times[twentieth])}, last ${ms(times.at(-1))}, median ${ms(sorted[Math.floor(sorted.length / 2)])}; ` +
        `reading and folding the frame's stream before the ${ordinal(twentieth + 1)} part (what every part paid before): ${ms(reload)}`,
    },
  ];
}
