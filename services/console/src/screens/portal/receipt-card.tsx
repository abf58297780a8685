import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { ContactReceipt } from '@hotline/contracts';
import { useT } from '../../i18n';

/** What became of a submission, in the citizen's words: a case number, an answer, or why not. */
export function ReceiptCard({ receipt, onAnother }: { receipt: ContactReceipt; onAnother: () => void }) {
  const t = useT();
  const another = (
    <Button key="another" onClick={onAnother}>
      {t('portal.receipt.another')}
    </Button>
  );
  const track =
    receipt.caseNumber !== undefined ? (
      <Link key="track" to={`/portal/track?caseNumber=${receipt.caseNumber}`}>
        <Button type="primary">{t('portal.receipt.track')}</Button>
      </Link>
    ) : null;
  const reply = receipt.reply !== undefined && (
    <Typography.Paragraph className="receipt-reply">{receipt.reply}</Typography.Paragraph>
  );

  switch (receipt.outcome) {
    case 'case-registered':
    case 'merged-into-case':
      return (
        <Result
          status="success"
          title={t(
            receipt.outcome === 'case-registered' ? 'portal.receipt.registered' : 'portal.receipt.merged',
          )}
          subTitle={<CaseNumberLine caseNumber={receipt.caseNumber} />}
          extra={[track, another]}
        >
          {reply}
        </Result>
      );
    case 'answered-directly':
      return (
        <Result status="info" title={t('portal.receipt.answered')} extra={[track, another]}>
          {reply}
        </Result>
      );
    case 'referred':
      return (
        <Result
          status="warning"
          title={t('portal.receipt.referred', { service: receipt.referral ?? '110' })}
          extra={[
            <Button key="call" type="primary" danger href={`tel:${receipt.referral ?? '110'}`}>
              {t('portal.receipt.call', { service: receipt.referral ?? '110' })}
            </Button>,
            another,
          ]}
        >
          {reply}
        </Result>
      );
    case 'not-accepted':
      return (
        <Result
          status="warning"
          title={t('portal.receipt.notAccepted')}
          subTitle={receipt.notAccepted !== undefined ? t(`notAccepted.${receipt.notAccepted}`) : undefined}
          extra={[another]}
        >
          {reply}
        </Result>
      );
    case 'abandoned':
    case 'harassment':
    case undefined:
      // A possible emergency is never sent away on a guess: the number first, and the request is kept.
      if (receipt.referral !== undefined) {
        return (
          <Result
            status="warning"
            title={t('portal.receipt.possibleEmergency', { service: receipt.referral })}
            subTitle={t('portal.receipt.possibleEmergencyDetail')}
            extra={[
              <Button key="call" type="primary" danger size="large" href={`tel:${receipt.referral}`}>
                {t('portal.receipt.call', { service: receipt.referral })}
              </Button>,
              another,
            ]}
          >
            {reply}
          </Result>
        );
      }
      // Waiting for an agent with its number given already: tracked from now on.
      if (receipt.caseNumber !== undefined) {
        return (
          <Result
            status="success"
            title={t('portal.receipt.received')}
            subTitle={
              <>
                <CaseNumberLine caseNumber={receipt.caseNumber} />
                <div>{t('portal.receipt.reviewing')}</div>
              </>
            }
            extra={[track, another]}
          />
        );
      }
      // Set aside for an agent (quarantined, or no number to be had): the citizen hears it was received.
      return (
        <Result
          status="info"
          title={t('portal.receipt.received')}
          subTitle={t('portal.receipt.receivedDetail')}
          extra={[another]}
        >
          {reply}
        </Result>
      );
  }
}

/** The case number to keep, copyable, and what it is good for. */
function CaseNumberLine({ caseNumber }: { caseNumber: string | undefined }) {
  const t = useT();
  return (
    <>
      {t('portal.receipt.caseNumber')}{' '}
      <Typography.Text strong copyable className="case-number" data-testid="case-number">
        {caseNumber}
      </Typography.Text>
      <div>{t('portal.receipt.keepNumber')}</div>
    </>
  );
}
