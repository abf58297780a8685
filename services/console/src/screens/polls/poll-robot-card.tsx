import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Select, Space, Table, Typography } from 'antd';
import { ToneTag } from '../../components';
import { useInstant, useT } from '../../i18n';
import { pausePollRobot, POLL_FRAMES, startPollRobot, type PollFrame, type PollRound } from './polls-api';
import { interviewerTotals } from './poll-robot-progress';
import { usePollAction } from './use-poll-action';

interface ProgressRow {
  who: 'robot' | 'people';
  calls?: number;
  inFlight?: number;
  answered: number;
  unreachable: number;
  refused: number;
}

/**
 * The telephone robot (电话机器人访问): the center starts it on a drawn round (all frames or some,
 * the calls per number) or pauses it, and sees its calls beside the interviewers' work.
 */
export function PollRobotCard({
  round,
  onChanged,
}: {
  round: PollRound;
  onChanged: (position?: number) => void;
}) {
  const t = useT();
  const instant = useInstant();
  const { run, busy } = usePollAction();
  const [attempts, setAttempts] = useState(round.ivr?.attempts ?? 3);
  const [frames, setFrames] = useState<PollFrame[]>(round.ivr?.frames ?? []);
  const robot = round.ivr;
  const progress = round.ivrProgress ?? { calls: 0, inFlight: 0, answered: 0, unreachable: 0, refused: 0 };
  const people = interviewerTotals(round);
  const rows: ProgressRow[] = [
    { who: 'robot', ...progress },
    { who: 'people', answered: people.completed, unreachable: people.notReached, refused: people.refused },
  ];
  const start = () =>
    void run(
      (id) => startPollRobot(round.roundId, id, { attempts, ...(frames.length ? { frames } : {}) }),
      t('polls.robot.started'),
    ).then((reply) => onChanged(reply?.position));
  const pause = () =>
    void run((id) => pausePollRobot(round.roundId, id), t('polls.robot.paused')).then((reply) =>
      onChanged(reply?.position),
    );
  const state = robot === undefined ? 'idle' : robot.running ? 'running' : 'paused';
  return (
    <Card
      size="small"
      title={t('polls.robot.title')}
      extra={
        <ToneTag tone={state === 'running' ? 'green' : 'grey'}>
          {t(`polls.robot.state.${state}`)}
          {robot && t('polls.robot.since', { at: instant(robot.since) })}
        </ToneTag>
      }
    >
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('polls.robot.intro')}</Typography.Text>
        <Space wrap>
          <span>{t('polls.robot.frames')}</span>
          <Select<PollFrame[]>
            mode="multiple"
            aria-label={t('polls.robot.frames')}
            style={{ minWidth: 240 }}
            value={frames}
            onChange={setFrames}
            options={POLL_FRAMES.map((frame) => ({ value: frame, label: t(`polls.frame.${frame}`) }))}
          />
          <span>{t('polls.robot.attempts')}</span>
          <InputNumber
            aria-label={t('polls.robot.attempts')}
            min={1}
            max={10}
            value={attempts}
            onChange={(value) => setAttempts(value ?? 3)}
          />
          <Button type="primary" disabled={busy} onClick={start}>
            {t(state === 'running' ? 'polls.robot.update' : 'polls.robot.start')}
          </Button>
          {state === 'running' && (
            <Button disabled={busy} onClick={pause}>
              {t('polls.robot.pause')}
            </Button>
          )}
        </Space>
        <Table<ProgressRow>
          rowKey="who"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('polls.robot.who'),
              dataIndex: 'who',
              render: (who: string) => t(`polls.robot.who.${who}`),
            },
            ...(['calls', 'inFlight', 'answered', 'unreachable', 'refused'] as const).map((key) => ({
              title: t(`polls.robot.${key}`),
              dataIndex: key,
              align: 'right' as const,
              render: (value: number | undefined) => value ?? '—',
            })),
          ]}
        />
      </Flex>
    </Card>
  );
}
