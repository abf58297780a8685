import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Result } from 'antd';
import { useParams } from 'react-router';
import { ApiError, newCommandId } from '../../api/http';
import { ErrorAlert, PageHeader } from '../../components';
import { Loading } from '../../components/loading';
import { RatingFields } from '../../components/rating-fields';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { answerSurvey, getSurveyPage, type SurveyRatings } from './portal-api';

interface Values extends SurveyRatings {
  comment?: string;
  optOut?: boolean;
}

/** Why a link opens no form, in the citizen's words: forged (or mistyped) and expired are told apart. */
function linkProblem(error: unknown): 'invalid' | 'expired' | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'CALLBACK_LINK_EXPIRED') return 'expired';
  if (error.code === 'CALLBACK_LINK_INVALID' || error.field === 'token') return 'invalid';
  return undefined;
}

/**
 * The phone survey page (满意度回访) the SMS link opens: the case number, the three ratings and a
 * few words. Answered once: a second visit, or a second press, is thanked and changes nothing.
 */
export function SurveyPage() {
  const t = useT();
  const { token = '' } = useParams();
  const page = useRequest(() => getSurveyPage(token), `survey:${token}`);
  const [commandId] = useState(newCommandId);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async ({ comment, optOut, ...ratings }: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await answerSurvey(token, {
        commandId,
        ratings,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
        optOut: optOut === true,
      });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const problem = linkProblem(page.error ?? error);
  if (problem !== undefined)
    return (
      <Result
        status="warning"
        title={t(`portal.survey.${problem}`)}
        subTitle={t('portal.survey.problemHint')}
      />
    );
  if (sent || page.data?.answered === true)
    return (
      <Result status="success" title={t('portal.survey.thanks')} subTitle={t('portal.survey.thanksHint')} />
    );
  return (
    <>
      <PageHeader
        title={t('portal.survey.title')}
        subTitle={page.data ? t('portal.survey.intro', { number: page.data.caseNumber ?? '' }) : undefined}
      />
      {page.loading && <Loading />}
      <ErrorAlert error={page.error} />
      {page.data !== undefined && (
        <Card>
          <Form<Values> layout="vertical" onFinish={(values) => void submit(values)}>
            <RatingFields solid />
            <Form.Item name="comment" label={t('portal.survey.comment')}>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('portal.survey.commentHint')} />
            </Form.Item>
            <Form.Item name="optOut" valuePropName="checked">
              <Checkbox>{t('portal.survey.optOut')}</Checkbox>
            </Form.Item>
            <ErrorAlert error={error} />
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('portal.survey.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
