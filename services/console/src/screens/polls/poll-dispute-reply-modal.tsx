import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import {
  answerPollDispute,
  listPollInterviews,
  type PollDisputeReply,
  type PollQuestion,
  type PollUnitResult,
} from './polls-api';
import { usePollAction } from './use-poll-action';

/** An interview as the center picks it: its number in the call list and the unit's answers in words. */
const interviewLabel = (
  t: ReturnType<typeof useT>,
  seq: number,
  answers: Record<string, string>,
  questions: readonly PollQuestion[],
) =>
  t('polls.reply.interview', {
    seq,
    answers: questions
      .filter((q) => answers[q.questionId] !== undefined)
      .map((q) => `${q.text}：${q.options.find((o) => o.key === answers[q.questionId])?.label ?? '—'}`)
      .join('；'),
  });

/** An interview the center corrects: what it said about the unit, and what it says now. */
interface Correction {
  interviewId: string;
  seq: number;
  previous: Record<string, string>;
  answers: Record<string, string>;
}

const changed = (c: Correction) => Object.keys(c.answers).some((q) => c.answers[q] !== c.previous[q]);

/**
 * The center's reply to a unit's dispute (二次终审): the results stand, or the dispute is accepted
 * and the interviews named no longer count for the unit (struck) or count with the answers the
 * center corrects them to (a misheard key, a question put about the wrong unit); always with the
 * reasons the unit reads.
 */
export function PollDisputeReplyModal({
  roundId,
  row,
  questions,
  onCancel,
  onAnswered,
}: {
  roundId: string;
  row: PollUnitResult;
  questions: readonly PollQuestion[];
  onCancel: () => void;
  onAnswered: (position?: number) => void;
}) {
  const t = useT();
  const { run, busy } = usePollAction();
  const [decision, setDecision] = useState<PollDisputeReply['decision']>('upheld');
  const [reasons, setReasons] = useState('');
  const [struck, setStruck] = useState<string[]>([]);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const interviews = useRequest(
    () => listPollInterviews(roundId, { status: 'completed', limit: 500 }),
    `poll-reply-interviews:${roundId}`,
  );
  const evaluated = (interviews.data?.items ?? []).flatMap((item) => {
    const answers = item.evaluations?.find((e) => e.unitId === row.unitId)?.answers;
    return answers ? [{ interviewId: item.interviewId, seq: item.seq, answers }] : [];
  });
  const correcting = new Set(corrections.map((c) => c.interviewId));
  // An interview is struck or corrected, never both: each list offers what the other has not taken.
  const options = (except: ReadonlySet<string>) =>
    evaluated
      .filter((item) => !except.has(item.interviewId))
      .map((item) => ({
        value: item.interviewId,
        label: interviewLabel(t, item.seq, item.answers, questions),
      }));
  const correct = (interviewId: string) => {
    const item = evaluated.find((e) => e.interviewId === interviewId);
    if (item)
      setCorrections((list) => [
        ...list,
        { interviewId, seq: item.seq, previous: item.answers, answers: { ...item.answers } },
      ]);
  };
  const answer = (interviewId: string, questionId: string, option: string) =>
    setCorrections((list) =>
      list.map((c) =>
        c.interviewId === interviewId ? { ...c, answers: { ...c.answers, [questionId]: option } } : c,
      ),
    );
  const named = struck.length + corrections.length;
  const ready = reasons.trim() !== '' && (decision === 'upheld' || (named > 0 && corrections.every(changed)));
  const submit = () =>
    void run(
      (id) =>
        answerPollDispute(roundId, row.unitId, id, {
          decision,
          reasons: reasons.trim(),
          struck: decision === 'accepted' ? struck : [],
          corrected:
            decision === 'accepted'
              ? corrections.map(({ interviewId, answers }) => ({ interviewId, answers }))
              : [],
        }),
      t('polls.reply.done'),
    ).then((reply) => reply && onAnswered(reply.position));
  return (
    <Modal
      open
      title={t('polls.reply.title', { unit: row.name })}
      okText={t('polls.reply.submit')}
      okButtonProps={{ disabled: busy || !ready }}
      onOk={submit}
      onCancel={onCancel}
    >
      <Form layout="vertical">
        {row.verification?.response && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('polls.reply.dispute')}
            description={row.verification.response}
          />
        )}
        <Form.Item label={t('polls.reply.decision')}>
          <Radio.Group
            value={decision}
            onChange={(event) => setDecision(event.target.value as PollDisputeReply['decision'])}
            options={(['upheld', 'accepted'] as const).map((value) => ({
              value,
              label: t(`polls.reply.decision.${value}`),
            }))}
          />
        </Form.Item>
        {decision === 'accepted' && (
          <Form.Item label={t('polls.reply.struck')} help={t('polls.reply.struckHelp')}>
            <Select
              mode="multiple"
              aria-label={t('polls.reply.struck')}
              loading={interviews.loading}
              value={struck}
              onChange={setStruck}
              options={options(correcting)}
            />
          </Form.Item>
        )}
        {decision === 'accepted' && (
          <Form.Item label={t('polls.reply.corrected')} help={t('polls.reply.correctedHelp')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {corrections.map((c) => (
                <div key={c.interviewId} data-testid="poll-correction">
                  <Space wrap align="center">
                    <Typography.Text strong>{t('polls.reply.correctedSeq', { seq: c.seq })}</Typography.Text>
                    {questions
                      .filter((q) => c.previous[q.questionId] !== undefined)
                      .map((q) => (
                        <Select
                          key={q.questionId}
                          style={{ minWidth: 160 }}
                          aria-label={t('polls.reply.correctedAnswer', { seq: c.seq, question: q.text })}
                          value={c.answers[q.questionId]}
                          onChange={(option: string) => answer(c.interviewId, q.questionId, option)}
                          options={q.options.map((o) => ({ value: o.key, label: `${q.text}：${o.label}` }))}
                        />
                      ))}
                    <Button type="link" onClick={() => setCorrections((list) => list.filter((x) => x !== c))}>
                      {t('polls.reply.correctedRemove')}
                    </Button>
                  </Space>
                  {!changed(c) && (
                    <Typography.Text type="warning">{t('polls.reply.correctedSame')}</Typography.Text>
                  )}
                </div>
              ))}
              <Select
                aria-label={t('polls.reply.correctedAdd')}
                placeholder={t('polls.reply.correctedAdd')}
                loading={interviews.loading}
                value={null}
                onChange={(interviewId: string) => correct(interviewId)}
                options={options(new Set([...struck, ...correcting]))}
              />
            </Space>
          </Form.Item>
        )}
        <Form.Item label={t('polls.reply.reasons')} required>
          <Input.TextArea
            aria-label={t('polls.reply.reasons')}
            rows={3}
            value={reasons}
            onChange={(event) => setReasons(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
