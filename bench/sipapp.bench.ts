/**
 * The telephone edge (sipapp): the IVR flow engine alone, running the shipped default flow against the
 * scripted media port (no audio, no network): calls per second through a typical mix of paths
 * (2-2 complaint with confirm, 2-3 status query with read-back, 1 agent with the satisfaction question,
 * a blocked caller). No raw engine: the flow engine is ours end to end.
 * Concurrent calls with real rtpengine and INVITE → first prompt p99 need the telephony bench (issue 14,
 * not built yet); this file grows that line when it exists.
 */
import { DEFAULT_IVR_FLOW, runIvrFlow } from '@hotline/contracts';
import {
  ScriptedMedia,
  StubIvrServices,
  type CallerAction,
} from '@hotline/contracts/src/telephony/ivr-engine/testing';
import { timed, type BenchResult, type Benchmark } from './bench-kit';

const CALLS = 200_000;
const CONCURRENCY = 500;

const scripts: Array<{ caller: string; script: CallerAction[] }> = [
  { caller: '13800000001', script: ['2', '2', 'speech', '1'] },
  { caller: '13800000002', script: ['2', '3', '26000017#', '1'] },
  { caller: '13800000003', script: ['1', '1'] },
  { caller: '13800000004', script: [] },
];

function services(): StubIvrServices {
  const stub = new StubIvrServices(new Date('2026-12-07T02:00:00Z'), true);
  stub.blocked.add('13800000004');
  stub.cases.set('26000017', 'in-progress');
  stub.queueUpdates = [
    { kind: 'position', ahead: 2 },
    {
      kind: 'offered',
      agentId: 'agent-1',
      workNumber: '1024',
      target: { agentId: 'agent-1', uri: 'sip:a1@pbx' },
    },
  ];
  return stub;
}

export const run: Benchmark = async ({ scale }) => {
  const calls = Math.max(100, Math.round(CALLS * scale));
  let started = 0;
  let steps = 0;
  const worker = async (): Promise<void> => {
    while (started < calls) {
      const n = started++;
      const { caller, script } = scripts[n % scripts.length]!;
      const report = await runIvrFlow({
        callId: `bench-${n}`,
        callerNumber: caller,
        flow: DEFAULT_IVR_FLOW,
        media: new ScriptedMedia([...script]),
        services: services(),
      });
      steps += report.path.length;
    }
  };
  const throughput = await timed(calls, () =>
    Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => undefined),
  );
  const result: BenchResult = {
    name: 'sipapp: IVR flow engine, default flow, scripted media',
    unit: 'call',
    ours: throughput,
    notes: `${calls} calls, ${CONCURRENCY} at a time, ${(steps / calls).toFixed(1)} nodes per call on average`,
  };
  return [result];
};
