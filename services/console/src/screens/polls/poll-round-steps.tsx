import { Alert, Steps } from 'antd';
import { useT } from '../../i18n';
import type { PollRound } from './polls-api';

const STEPS = ['define', 'frames', 'draw', 'interview', 'verify'] as const;

/** Where the round stands, and for a round still being prepared the step to take next. */
export function PollRoundSteps({ round }: { round: PollRound }) {
  const t = useT();
  const current =
    round.status === 'published' ? 4 : round.status === 'drawn' ? 3 : round.imports.length > 0 ? 2 : 1;
  return (
    <>
      <Steps
        size="small"
        current={current}
        items={STEPS.map((step) => ({ title: t(`polls.step.${step}`) }))}
      />
      {round.status === 'defined' && (
        <Alert
          type="info"
          showIcon
          title={t(round.imports.length > 0 ? 'polls.next.draw' : 'polls.next.frames')}
        />
      )}
    </>
  );
}
