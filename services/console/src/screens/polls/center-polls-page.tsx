import { useState } from 'react';
import { Button, Card, Flex, Space } from 'antd';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { DefinePollRoundModal } from './define-poll-round-modal';
import { FrameImportForm } from './frame-import-form';
import { PollAuditCard } from './poll-audit-card';
import { PollImportsTable, PollProgressCard } from './poll-progress-card';
import { PollDisputeReplyModal } from './poll-dispute-reply-modal';
import { PollResultsCard } from './poll-results-card';
import { PollRobotCard } from './poll-robot-card';
import { PollRoundPicker } from './poll-round-picker';
import { PollRoundSteps } from './poll-round-steps';
import {
  drawPollSample,
  getPollResults,
  getPollRound,
  listPollRounds,
  publishPollResults,
  type PollUnitResult,
} from './polls-api';
import { usePollAction } from './use-poll-action';

/**
 * The center's opinion polls (民主评议): a round defined on screen, its frames imported from files (each invalid line
 * shown), the sample drawn, the progress per quota, the audits, and the results and ranking, sent
 * to the units for verification; the telephone robot started and paused beside the interviewers,
 * and the center's reply to a unit's dispute (二次终审).
 */
export function CenterPollsPage() {
  const t = useT();
  const instant = useInstant();
  const [roundId, setRoundId] = useState<string | undefined>(undefined);
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const [defining, setDefining] = useState(false);
  const [replying, setReplying] = useState<PollUnitResult | undefined>(undefined);
  const rounds = useRequest(() => listPollRounds(minPosition), `poll-rounds:${minPosition ?? 0}`);
  const round = useRequest(
    () => getPollRound(roundId ?? '', minPosition),
    roundId ? `poll-round:${roundId}:${minPosition ?? 0}` : null,
  );
  const results = useRequest(
    () => getPollResults(roundId ?? '', minPosition),
    roundId ? `poll-results:${roundId}:${minPosition ?? 0}` : null,
  );
  const { run, busy } = usePollAction();
  const after = (reply: { position?: number } | undefined) => {
    if (reply?.position !== undefined) setMinPosition(reply.position);
  };
  const current = round.data;

  return (
    <>
      <PageHeader
        title={t('polls.center.title')}
        subTitle={t('polls.center.intro')}
        extra={
          <Space wrap>
            <PollRoundPicker rounds={rounds.data?.items ?? []} value={roundId} onChange={setRoundId} />
            <Button onClick={() => setDefining(true)}>{t('polls.define.open')}</Button>
            {current?.status === 'defined' && (
              <Button
                type="primary"
                disabled={busy}
                onClick={() =>
                  void run((id) => drawPollSample(current.roundId, id), t('polls.drawn')).then(after)
                }
              >
                {t('polls.draw')}
              </Button>
            )}
            {current?.status === 'drawn' && (
              <Button
                disabled={busy}
                onClick={() => void run((id) => publishPollResults(current.roundId, id)).then(after)}
              >
                {t('polls.publish')}
              </Button>
            )}
          </Space>
        }
      />
      {defining && (
        <DefinePollRoundModal
          onCancel={() => setDefining(false)}
          onDefined={(defined, position) => {
            setDefining(false);
            after({ position });
            setRoundId(defined);
          }}
        />
      )}
      <ErrorAlert error={rounds.error ?? round.error ?? results.error} />
      {rounds.data?.items.length === 0 && <EmptyState description={t('polls.none')} />}
      {current && (
        <Flex vertical gap="middle">
          <PollRoundSteps round={current} />
          {current.status === 'published' && current.verifyBy && (
            <Card size="small">{t('polls.published', { verifyBy: instant(current.verifyBy) })}</Card>
          )}
          <PollProgressCard quotas={current.quotas} />
          {current.status !== 'defined' && (
            <PollRobotCard round={current} onChanged={(position) => after({ position })} />
          )}
          <Card size="small" title={t('polls.imports.title')}>
            {current.status === 'defined' && <FrameImportForm roundId={current.roundId} onImported={after} />}
            <PollImportsTable imports={current.imports} />
          </Card>
          {current.status !== 'defined' && (
            <PollAuditCard round={current} onAudited={(p) => after({ position: p })} />
          )}
          <PollResultsCard results={results.data} onReply={setReplying} />
        </Flex>
      )}
      {current && replying && (
        <PollDisputeReplyModal
          roundId={current.roundId}
          row={replying}
          questions={current.questionnaire.questions}
          onCancel={() => setReplying(undefined)}
          onAnswered={(position) => {
            setReplying(undefined);
            after({ position });
          }}
        />
      )}
    </>
  );
}
