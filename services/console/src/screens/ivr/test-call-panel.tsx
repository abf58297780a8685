import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Switch, Typography } from 'antd';
import type { IvrCallReport, IvrFlowDocument } from '@hotline/contracts';
import { useLocale, useT, type Translate } from '../../i18n';
import { KEYS } from './node-fields';
import { nodeLabel } from './node-words';
import type { SimulationSettings } from './simulated-platform';
import { startTestCall, type TestCall, type TestCallLine } from './test-call';

interface Props {
  /** The flow as edited, once the validator accepts it; undefined while it refuses it. */
  flow: IvrFlowDocument | undefined;
  announcement: SimulationSettings['announcement'];
  queueName: (queueId: string) => string;
}

/** One transcript line in the reader's words. */
function lineText(line: TestCallLine, t: Translate, queueName: (id: string) => string): string {
  switch (line.kind) {
    case 'heard':
      return t('ivr.call.heard', { words: line.words });
    case 'pressed':
      return t('ivr.call.pressed', { key: line.key });
    case 'recorded':
      return t('ivr.call.recorded', { seconds: line.seconds });
    case 'bridged':
      return 'number' in line.target
        ? t('ivr.call.bridgedNumber', { number: line.target.number })
        : t('ivr.call.bridgedAgent');
    case 'ended':
      return t('ivr.call.ended');
    case 'platform': {
      const { step } = line;
      switch (step.kind) {
        case 'queued':
          return t('ivr.sim.queued', { queue: queueName(step.queueId) });
        case 'case-looked-up':
          return t('ivr.sim.caseLookedUp', { number: step.caseNumber });
        case 'recording-kept':
          return step.caseNumber
            ? t('ivr.sim.complaintKept', { number: step.caseNumber })
            : t('ivr.sim.recordingKept');
        case 'callback-requested':
          return t('ivr.sim.callbackRequested');
        case 'survey-answered':
          return t('ivr.sim.surveyAnswered', { answer: t(`ivr.answer.${step.answer}`) });
        default: {
          const unknown: never = step;
          throw new Error(`unknown platform step ${JSON.stringify(unknown)}`);
        }
      }
    }
    default: {
      const unknown: never = line;
      throw new Error(`unknown call line ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * 试拨: the edited flow run in the browser by the sipapp's own engine, with an on-screen keypad; the
 * platform behind it is simulated for this panel only (nothing is stored), and says so.
 */
export function TestCallPanel({ flow, announcement, queueName }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [lines, setLines] = useState<TestCallLine[]>([]);
  const [report, setReport] = useState<IvrCallReport | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [workingHours, setWorkingHours] = useState(true);
  const [blocked, setBlocked] = useState(false);
  const call = useRef<TestCall | undefined>(undefined);
  // A call still running when the panel goes away is hung up, so its timers stop.
  useEffect(() => () => call.current?.media.hangUpCaller(), []);

  const start = () => {
    if (flow === undefined) return;
    call.current?.media.hangUpCaller();
    setLines([]);
    setReport(undefined);
    setRunning(true);
    const started = startTestCall(flow, { workingHours, blocked, announcement }, (line) =>
      setLines((before) => [...before, line]),
    );
    call.current = started;
    void started.done.then(
      (done) => {
        if (call.current !== started) return;
        setReport(done);
        setRunning(false);
      },
      () => setRunning(false),
    );
  };

  return (
    <Card title={t('ivr.call.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('ivr.call.simulated')} />
        {flow === undefined && <Alert type="warning" showIcon message={t('ivr.call.fixFirst')} />}
        <Flex gap="middle" wrap>
          <label>
            <Switch checked={workingHours} onChange={setWorkingHours} disabled={running} />{' '}
            {t('ivr.call.workingHours')}
          </label>
          <label>
            <Switch checked={blocked} onChange={setBlocked} disabled={running} /> {t('ivr.call.blocked')}
          </label>
        </Flex>
        <Flex gap="small">
          <Button type="primary" disabled={flow === undefined || running} onClick={start}>
            {t('ivr.call.start')}
          </Button>
          <Button danger disabled={!running} onClick={() => call.current?.media.hangUpCaller()}>
            {t('ivr.call.hangUp')}
          </Button>
        </Flex>
        <div className="ivr-keypad" role="group" aria-label={t('ivr.call.keypad')}>
          {KEYS.map((key) => (
            <Button
              key={key}
              disabled={!running}
              aria-label={t('ivr.call.key', { key })}
              onClick={() => call.current?.media.press(key)}
            >
              {key}
            </Button>
          ))}
        </div>
        <Button disabled={!running} onClick={() => call.current?.media.keepSilent()}>
          {t('ivr.call.silence')}
        </Button>
        <ol className="ivr-transcript" aria-label={t('ivr.call.transcript')} aria-live="polite">
          {lines.map((line, index) => (
            <li key={index}>{lineText(line, t, queueName)}</li>
          ))}
        </ol>
        {report !== undefined && flow !== undefined && (
          <div role="status">
            <Typography.Text strong>{t(`ivr.outcome.${report.outcome}`)}</Typography.Text>
            <ol className="ivr-path" aria-label={t('ivr.call.path')}>
              {report.path.map((step, index) => {
                const node = flow.nodes[step.node];
                const name = node ? nodeLabel(node, t, locale) : t('ivr.missingTarget');
                return (
                  <li key={index}>
                    {name}
                    {step.digits
                      ? t('ivr.call.pathKeys', { keys: step.digits.replaceAll('-', t('ivr.call.noKey')) })
                      : ''}
                  </li>
                );
              })}
            </ol>
          </div>
        )}
      </Space>
    </Card>
  );
}
