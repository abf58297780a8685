import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Input, Radio, Select, Space, Typography } from 'antd';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useT } from '../../i18n';
import { PollRoundPicker } from './poll-round-picker';
import {
  getPollRound,
  listPollInterviews,
  listPollRounds,
  recordPollFailure,
  recordPollInterview,
  takeNextPollInterview,
  type PollInterview,
  type PollRound,
} from './polls-api';
import { usePollAction } from './use-poll-action';

/**
 * The interviewer's desk for opinion polls (评议访问): take the next number of the sample, call it,
 * record the answers per unit (with the recording's number) or that nobody answered or the person
 * refused; then the next.
 */
export function DeskPollPage() {
  const t = useT();
  const [roundId, setRoundId] = useState<string | undefined>(undefined);
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const rounds = useRequest(() => listPollRounds(), 'poll-rounds-desk');
  const open = (rounds.data?.items ?? []).filter((round) => round.status === 'drawn');
  const round = useRequest(() => getPollRound(roundId ?? ''), roundId ? `poll-round-desk:${roundId}` : null);
  const mine = useRequest(
    () => listPollInterviews(roundId ?? '', { mine: true, status: 'taken', limit: 1, minPosition }),
    roundId ? `poll-mine:${roundId}:${minPosition ?? 0}` : null,
  );
  const { run, busy } = usePollAction();
  const after = (reply: { position?: number } | undefined) => {
    // A repeated take answers the number held with no new position: read the list again.
    if (reply?.position) setMinPosition(reply.position);
    else if (reply) mine.reload();
  };
  const held = mine.data?.items[0];

  return (
    <>
      <PageHeader
        title={t('polls.desk.title')}
        subTitle={t('polls.desk.intro')}
        extra={<PollRoundPicker rounds={open} value={roundId} onChange={setRoundId} />}
      />
      <ErrorAlert error={rounds.error ?? round.error ?? mine.error} />
      {rounds.data && open.length === 0 && <EmptyState description={t('polls.none')} />}
      {roundId && mine.data && !held && (
        <Button
          type="primary"
          size="large"
          disabled={busy}
          onClick={() => void run((id) => takeNextPollInterview(roundId, id)).then(after)}
        >
          {t('polls.desk.next')}
        </Button>
      )}
      {held && round.data && (
        <InterviewForm key={held.interviewId} round={round.data} interview={held} onDone={after} />
      )}
    </>
  );
}

function InterviewForm({
  round,
  interview,
  onDone,
}: {
  round: PollRound;
  interview: PollInterview;
  onDone: (reply: { position?: number } | undefined) => void;
}) {
  const t = useT();
  const unitName = useUnitName();
  const { run, busy } = usePollAction();
  const [units, setUnits] = useState<string[]>(interview.unitId ? [interview.unitId] : []);
  const [answers, setAnswers] = useState<Record<string, Record<string, string>>>({});
  const [recordingId, setRecordingId] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const names = new Map(round.questionnaire.units.map((u) => [u.unitId, u.name]));
  const answer = (unitId: string, questionId: string, option: string) =>
    setAnswers((previous) => ({ ...previous, [unitId]: { ...previous[unitId], [questionId]: option } }));
  const submit = async () => {
    const evaluations = units
      .map((unitId) => ({ unitId, answers: answers[unitId] ?? {} }))
      .filter((e) => Object.keys(e.answers).length > 0);
    setMissing(evaluations.length === 0);
    if (evaluations.length === 0) return;
    onDone(
      await run(
        (id) =>
          recordPollInterview(interview.interviewId, id, {
            evaluations,
            ...(recordingId.trim() ? { recordingId: recordingId.trim() } : {}),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          }),
        t('polls.desk.saved'),
      ),
    );
  };
  const fail = async (failure: 'not-reached' | 'refused') =>
    onDone(
      await run(
        (id) => recordPollFailure(interview.interviewId, id, failure),
        t('polls.desk.failed', { failure: t(`polls.interview.status.${failure}`) }),
      ),
    );

  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'phone',
              label: t('polls.desk.number'),
              children: (
                <Typography.Text strong copyable>
                  {interview.phone}
                </Typography.Text>
              ),
            },
            { key: 'frame', label: t('polls.desk.frame'), children: t(`polls.frame.${interview.frame}`) },
            { key: 'district', label: t('polls.desk.district'), children: unitName(interview.district) },
          ]}
        />
      </Card>
      <Card size="small" title={t('polls.desk.unit')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('polls.desk.addUnit')}
          placeholder={t('polls.desk.addUnit')}
          style={{ minWidth: 320, marginBottom: 12 }}
          value={units}
          onChange={setUnits}
          options={round.questionnaire.units.map((u) => ({ value: u.unitId, label: u.name }))}
        />
        {units.map((unitId) => (
          <Card key={unitId} size="small" type="inner" title={names.get(unitId)} style={{ marginBottom: 8 }}>
            {round.questionnaire.questions.map((question) => (
              <Flex
                key={question.questionId}
                role="group"
                aria-labelledby={`q-${unitId}-${question.questionId}`}
                gap="middle"
                align="center"
                wrap
                style={{ marginBottom: 8 }}
              >
                <Typography.Text id={`q-${unitId}-${question.questionId}`}>{question.text}</Typography.Text>
                <Radio.Group
                  value={answers[unitId]?.[question.questionId]}
                  onChange={(event) => answer(unitId, question.questionId, String(event.target.value))}
                  options={question.options.map((o) => ({ value: o.key, label: o.label }))}
                />
              </Flex>
            ))}
          </Card>
        ))}
        <Flex vertical gap="small">
          <Input
            aria-label={t('polls.desk.recording')}
            placeholder={t('polls.desk.recording')}
            value={recordingId}
            onChange={(event) => setRecordingId(event.target.value)}
            style={{ maxWidth: 320 }}
          />
          <Input.TextArea
            aria-label={t('polls.desk.comment')}
            placeholder={t('polls.desk.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
          />
          {missing && <Typography.Text type="danger">{t('polls.desk.noAnswers')}</Typography.Text>}
          <Space wrap>
            <Button type="primary" disabled={busy} onClick={() => void submit()}>
              {t('polls.desk.submit')}
            </Button>
            <Button disabled={busy} onClick={() => void fail('not-reached')}>
              {t('polls.desk.notReached')}
            </Button>
            <Button disabled={busy} danger onClick={() => void fail('refused')}>
              {t('polls.desk.refused')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}
