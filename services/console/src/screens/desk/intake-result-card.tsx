import { useState } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { DispatchForm } from '../../components/dispatch-form';
import { CardTitle } from '../../components/text-parts';
import { useT } from '../../i18n';
import type { IntakeResult } from './use-intake-flow';

/** What the call came to; a registered case is dispatched from here at once (转办). */
export function IntakeResultCard({ result, onNext }: { result: IntakeResult; onNext: () => void }) {
  const t = useT();
  const [dispatched, setDispatched] = useState(false);
  const number = result.caseNumber ?? result.caseId ?? '';
  const needsDispatch = result.outcome === 'case-registered' && result.caseId !== undefined && !dispatched;
  return (
    <Card size="small">
      <Result
        status={
          result.outcome === 'case-registered' || result.outcome === 'answered-directly' ? 'success' : 'info'
        }
        title={<CardTitle>{t(`desk.done.${result.outcome}`)}</CardTitle>}
        subTitle={
          number !== '' ? (
            <Typography.Text copyable={{ text: number }}>
              {t('desk.done.caseNumber', { number })}
            </Typography.Text>
          ) : undefined
        }
        extra={
          needsDispatch ? undefined : (
            <Button type="primary" onClick={onNext} autoFocus>
              {t('desk.newCall')}
            </Button>
          )
        }
      />
      {dispatched && <Typography.Paragraph>{t('desk.done.dispatched')}</Typography.Paragraph>}
      {needsDispatch && result.caseId !== undefined && (
        <Card type="inner" size="small" title={<CardTitle level={3}>{t('dispatch.dispatch')}</CardTitle>}>
          <DispatchForm
            caseId={result.caseId}
            mode="dispatch"
            onDone={() => setDispatched(true)}
            onCancel={onNext}
            cancelLabel="desk.done.dispatchLater"
          />
        </Card>
      )}
    </Card>
  );
}
