import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Flex, Form, Input, Steps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { CitizenCaseView } from '@hotline/contracts';
import { ApiError } from '../../api/http';
import { ErrorAlert, PageHeader } from '../../components';
import { WordedError } from '../../components/error-text';
import { useInstant, useT } from '../../i18n';
import { lookUpCase } from './portal-api';

interface TrackValues {
  caseNumber: string;
  phoneLast4: string;
}

const STEP_OF: Record<CitizenCaseView['status'], number> = {
  accepted: 0,
  'in-progress': 1,
  answered: 2,
  'not-accepted': 2,
};

/** Track a request by its case number and the last 4 digits of the phone given with it. */
export function TrackPage() {
  const t = useT();
  const instant = useInstant();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TrackValues>();
  const [found, setFound] = useState<CitizenCaseView>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const caseNumber = params.get('caseNumber');
    if (caseNumber !== null) form.setFieldsValue({ caseNumber });
  }, [params, form]);

  const onFinish = async ({ caseNumber, phoneLast4 }: TrackValues) => {
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    try {
      setFound(await lookUpCase(caseNumber.trim(), phoneLast4.trim()));
    } catch (caught) {
      // The gateway words these for developers; the citizen gets the same answer for a wrong number
      // and wrong digits, as the lookup itself does (no guessing which case numbers exist).
      if (caught instanceof ApiError && caught.status === 404) {
        setError(new WordedError(t('portal.track.notFound')));
      } else if (caught instanceof ApiError && caught.field === 'caseNumber') {
        setError(new WordedError(t('portal.track.caseNumberWrong')));
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const step = found !== undefined ? STEP_OF[found.status] : 0;
  const notAccepted = found?.status === 'not-accepted';
  return (
    <>
      <PageHeader title={t('portal.track.title')} subTitle={t('portal.track.intro')} />
      <Card>
        <Form<TrackValues> form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
          <Flex gap="middle" wrap>
            <Form.Item
              label={t('portal.track.caseNumber')}
              name="caseNumber"
              rules={[{ required: true, pattern: /^\d{8}$/, message: t('portal.track.caseNumberInvalid') }]}
            >
              <Input inputMode="numeric" maxLength={8} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              label={t('portal.track.phoneLast4')}
              name="phoneLast4"
              rules={[{ required: true, pattern: /^\d{4}$/, message: t('portal.track.phoneLast4Invalid') }]}
            >
              <Input inputMode="numeric" maxLength={4} style={{ width: 120 }} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('portal.track.submit')}
          </Button>
        </Form>
      </Card>
      {error !== undefined && (
        <div className="section">
          <ErrorAlert error={error} />
        </div>
      )}
      {found !== undefined && (
        <Card className="section" title={t('portal.track.result', { number: found.caseNumber })}>
          <Steps
            current={step}
            status={notAccepted ? 'error' : step === 2 ? 'finish' : 'process'}
            items={[
              {
                title: t('portal.track.step.accepted'),
                content: instant(found.registeredAt),
              },
              { title: t('portal.track.step.inProgress') },
              {
                title: t(notAccepted ? 'portal.track.step.notAccepted' : 'portal.track.step.answered'),
                content: found.answeredAt !== undefined ? instant(found.answeredAt) : undefined,
              },
            ]}
          />
          <Descriptions column={1} className="section" bordered size="small">
            <Descriptions.Item label={t('portal.track.status')}>
              <span data-testid="citizen-status">{t(`citizenStatus.${found.status}`)}</span>
            </Descriptions.Item>
            {found.referral !== undefined && (
              <Descriptions.Item label={t('portal.track.referral')}>{found.referral}</Descriptions.Item>
            )}
            {found.answer !== undefined && (
              <Descriptions.Item label={t('portal.track.answer')}>
                <Typography.Paragraph
                  data-testid="citizen-answer"
                  style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                >
                  {found.answer}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
    </>
  );
}
