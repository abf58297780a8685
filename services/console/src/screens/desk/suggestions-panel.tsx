import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../components';
import { SimpleList } from '../../components/simple-list';
import { CardTitle } from '../../components/text-parts';
import { useT } from '../../i18n';
import { suggestionApplicable } from './suggestion-rules';
import type { CaseType, ClassificationSuggestion, DuplicateSuggestion } from './desk-api';
import { Loading } from '../../components/loading';

interface Props {
  classification: ClassificationSuggestion | undefined;
  duplicates: DuplicateSuggestion[] | undefined;
  loading: boolean;
  error: unknown;
  categoryName: (code: string) => string;
  onApply: (suggestion: { type?: CaseType; categoryCode?: string }) => void;
  onMerge: (duplicate: DuplicateSuggestion) => void;
  /** The emergency or not-accepted rule the classifier flagged, for the not-accepted dialog. */
  onNotAccepted: (reason: string) => void;
  busy: boolean;
}

/** Live suggestions while the agent types: type and category, emergencies, not-accepted rules, duplicates. */
export function SuggestionsPanel(props: Props) {
  const { classification, duplicates, loading, error, categoryName, onApply, onMerge, busy } = props;
  const t = useT();
  const hasSuggestion = classification?.type !== undefined || classification?.categoryCode !== undefined;
  const applicable = classification !== undefined && suggestionApplicable(classification.confidence);
  return (
    <Card
      size="small"
      title={<CardTitle>{t('desk.suggest.title')}</CardTitle>}
      extra={loading ? <Loading size="small" /> : undefined}
      aria-live="polite"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error !== undefined && <ErrorAlert error={error} />}
        {classification === undefined && !loading && (
          <Typography.Text type="secondary">{t('desk.suggest.hint')}</Typography.Text>
        )}
        {classification?.emergency !== undefined && (
          <Alert
            type="error"
            showIcon
            title={t('desk.suggest.emergency', { service: classification.emergency.service })}
            description={classification.emergency.signals.join('、')}
            action={
              <Button
                danger
                size="small"
                onClick={() => props.onNotAccepted(`emergency-${classification.emergency?.service ?? ''}`)}
              >
                {t('desk.suggest.refer')}
              </Button>
            }
          />
        )}
        {classification?.notAccepted !== undefined && (
          <Alert
            type="warning"
            showIcon
            title={t('desk.suggest.notAccepted', {
              reason: t(`reason.${classification.notAccepted.reason}`),
            })}
            description={classification.notAccepted.signals.join('、')}
            action={
              <Button
                size="small"
                onClick={() => props.onNotAccepted(classification.notAccepted?.reason ?? '')}
              >
                {t('desk.action.decline')}
              </Button>
            }
          />
        )}
        {hasSuggestion && classification !== undefined && (
          <Space wrap>
            {classification.type !== undefined && <Tag>{t(`type.${classification.type}`)}</Tag>}
            {classification.categoryCode !== undefined && (
              <Tag>{categoryName(classification.categoryCode)}</Tag>
            )}
            <Typography.Text type="secondary">
              {t('desk.suggest.confidence', { value: Math.round(classification.confidence * 100) })}
            </Typography.Text>
            {applicable ? (
              <Button
                size="small"
                onClick={() =>
                  onApply({
                    ...(classification.type !== undefined ? { type: classification.type } : {}),
                    ...(classification.categoryCode !== undefined
                      ? { categoryCode: classification.categoryCode }
                      : {}),
                  })
                }
              >
                {t('desk.suggest.apply')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('desk.suggest.tooUnsure')}</Typography.Text>
            )}
          </Space>
        )}
        {duplicates !== undefined && duplicates.length > 0 && (
          <>
            <Typography.Text strong>{t('desk.suggest.duplicates')}</Typography.Text>
            <SimpleList
              label={t('desk.suggest.duplicates')}
              items={duplicates}
              rowKey={(duplicate) => duplicate.caseId}
              render={(duplicate) => (
                <Space wrap size="small">
                  <Typography.Text strong>{duplicate.caseNumber ?? duplicate.caseId}</Typography.Text>
                  {duplicate.reasons.map((reason) => (
                    <Tag key={reason}>{t(`desk.duplicate.${reason}`)}</Tag>
                  ))}
                  <Typography.Text type="secondary">
                    {t('desk.suggest.similarity', { value: Math.round(duplicate.similarity * 100) })}
                  </Typography.Text>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => onMerge(duplicate)}
                    aria-label={t('desk.suggest.mergeInto', {
                      number: duplicate.caseNumber ?? duplicate.caseId,
                    })}
                  >
                    {t('desk.suggest.merge')}
                  </Button>
                </Space>
              )}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
