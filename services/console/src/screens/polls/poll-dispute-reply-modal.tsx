import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
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

/**
 * The center's reply to a unit's dispute (二次终审): the results stand, or the dispute is accepted
 * and the interviews named no longer count for the unit; always with the reasons the unit reads.
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
  const interviews = useRequest(
    () => listPollInterviews(roundId, { status: 'completed', limit: 500 }),
    `poll-reply-interviews:${roundId}`,
  );
  const options = (interviews.data?.items ?? []).flatMap((item) => {
    const answers = item.evaluations?.find((e) => e.unitId === row.unitId)?.answers;
    return answers
      ? [{ value: item.interviewId, label: interviewLabel(t, item.seq, answers, questions) }]
      : [];
  });
  const ready = reasons.trim() !== '' && (decision === 'upheld' || struck.length > 0);
  const submit = () =>
    void run(
      (id) =>
        answerPollDispute(roundId, row.unitId, id, {
          decision,
          reasons: reasons.trim(),
          struck: decision === 'accepted' ? struck : [],
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
              options={options}
            />
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
