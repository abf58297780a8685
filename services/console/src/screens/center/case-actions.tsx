import { useState } from 'react';
import type { CaseTimelineEntry } from '@hotline/contracts';
import { CaseNotesCard } from '../../components/case-notes-card';
import { Button, Modal, Space } from 'antd';
import { CallbackModal } from '../../components/callback-modal';
import { DispatchForm } from '../../components/dispatch-form';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import type { CaseDetailView } from './center-api';
import { MergeModal } from './merge-modal';
import { TextActionModal, type TextAction } from './text-action-modal';
import { RemindButton } from '../escalation/remind-button';

const note = (
  action: string,
  label: string,
  field: string,
  required: boolean,
  danger = false,
): TextAction => ({
  action,
  label: `center.action.${label}`,
  field,
  fieldLabel: `center.field.${field}`,
  required,
  danger,
});

const ACCEPT = note('review/accept', 'accept', 'comment', false);
const SEND_BACK = note('review/send-back', 'sendBack', 'reason', true, true);
const APPROVE = note('extension/approve', 'approveExtension', 'comment', false);
const REJECT = note('extension/reject', 'rejectExtension', 'reason', true, true);
const REPORT = note('report-to-leader', 'report', 'summary', true);
const REDO = note('redo', 'redo', 'reason', true, true);
const INSTRUCT = note('instruction', 'instruction', 'instruction', true);

type Dialog = 'dispatch' | 'redispatch' | 'merge' | 'callback' | undefined;

/**
 * The center's actions on a case, offered by its state: dispatch or re-dispatch, review the reply,
 * decide an extension, merge a duplicate, report to leaders, callback, redo, close. A leader is
 * offered one action only: an instruction (批示), which the workflow takes from leaders alone.
 */
export function CaseActions({
  detail,
  timeline,
  onChanged,
}: {
  detail: CaseDetailView;
  /** The case's timeline: the extension dialogs show the unit's reason from it. */
  timeline: readonly CaseTimelineEntry[] | undefined;
  onChanged: (position: number) => void;
}) {
  const t = useT();
  const { user } = useSession();
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const [text, setText] = useState<TextAction | undefined>(undefined);
  const close: TextAction = {
    ...note('close', 'close', 'callbackWaiver', detail.lastCallback === undefined),
    choices: ['anonymous', 'citizen-declined'].map((value) => ({
      value,
      label: t(`center.waiver.${value}`),
    })),
  };
  const done = (position: number) => {
    setDialog(undefined);
    setText(undefined);
    onChanged(position);
  };
  const { status } = detail;
  const open = !['closed', 'declined', 'merged'].includes(status);
  const button = (label: string, onClick: () => void, primary = false) => (
    <Button key={label} type={primary ? 'primary' : 'default'} onClick={onClick}>
      {t(`center.action.${label}`)}
    </Button>
  );

  return (
    <>
      {user?.role === 'leader' ? (
        <Space wrap>{open && button('instruction', () => setText(INSTRUCT), true)}</Space>
      ) : (
        <Space wrap>
          {status === 'registered' && button('dispatch', () => setDialog('dispatch'), true)}
          {status === 'registered' && button('merge', () => setDialog('merge'))}
          {(status === 'returned' || status === 'dispatched') &&
            button('redispatch', () => setDialog('redispatch'), status === 'returned')}
          {status === 'replied' && button('accept', () => setText(ACCEPT), true)}
          {status === 'replied' && button('sendBack', () => setText(SEND_BACK))}
          {detail.pendingExtension !== undefined && button('approveExtension', () => setText(APPROVE), true)}
          {detail.pendingExtension !== undefined && button('rejectExtension', () => setText(REJECT))}
          {status === 'completed' && button('callback', () => setDialog('callback'))}
          {status === 'completed' &&
            detail.lastCallback?.redoRequired === true &&
            button('redo', () => setText(REDO))}
          {status === 'completed' && button('close', () => setText(close), detail.lastCallback !== undefined)}
          {open && !detail.reportedToLeader && button('report', () => setText(REPORT))}
          {user?.role === 'center' && (status === 'dispatched' || status === 'signed') && (
            <RemindButton caseId={detail.caseId} caseNumber={detail.caseNumber} />
          )}
        </Space>
      )}
      <Modal
        open={dialog === 'dispatch' || dialog === 'redispatch'}
        title={t(`center.action.${dialog ?? 'dispatch'}`)}
        footer={null}
        width={720}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        {(dialog === 'dispatch' || dialog === 'redispatch') && (
          <DispatchForm
            caseId={detail.caseId}
            mode={dialog}
            returnCount={detail.returnCount}
            onDone={done}
            onCancel={() => setDialog(undefined)}
          />
        )}
      </Modal>
      <MergeModal
        detail={detail}
        open={dialog === 'merge'}
        onDone={done}
        onCancel={() => setDialog(undefined)}
      />
      <CallbackModal
        caseId={dialog === 'callback' ? detail.caseId : undefined}
        onDone={done}
        onCancel={() => setDialog(undefined)}
      />
      <TextActionModal
        caseId={detail.caseId}
        action={text}
        onDone={done}
        onCancel={() => setText(undefined)}
        context={
          text === APPROVE || text === REJECT ? (
            <CaseNotesCard entries={timeline} only={['extensionReason']} />
          ) : text === REDO || text === SEND_BACK ? (
            <CaseNotesCard entries={timeline} only={['instruction']} />
          ) : undefined
        }
      />
    </>
  );
}
