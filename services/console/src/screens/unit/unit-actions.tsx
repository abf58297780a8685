import { useRef, useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, type FormInstance, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetailView, CaseUnitView, ReturnReason } from '@hotline/contracts';
import { newCommandId } from '../../api/http';
import { ErrorAlert, PhotoUpload, uploadedRefs, type UploadItem } from '../../components';
import { useT } from '../../i18n';
import { type CommandResult, RETURN_REASONS, unitCommands } from './unit-api';

type Dialog = 'return' | 'extension' | undefined;

interface ReturnValues {
  reason: ReturnReason;
  explanation: string;
  basis: string;
}
interface ExtensionValues {
  reason: string;
  requestedDueAt: Dayjs;
}
interface ReplyValues {
  result: string;
  files?: UploadItem[];
}

/**
 * What the unit may do now: sign or return a case it has not signed, ask for more time or reply
 * (the lead), or reply with its part (a co-handler). The gateway decides; the buttons only follow.
 */
export function UnitActions({
  detail,
  task,
  onDone,
}: {
  detail: CaseDetailView;
  task: CaseUnitView;
  onDone: (position: number | undefined) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Kept across retries of the same attempt, renewed after a success.
  const commandId = useRef(newCommandId());
  const [returnForm] = Form.useForm<ReturnValues>();
  const [extensionForm] = Form.useForm<ExtensionValues>();
  const [replyForm] = Form.useForm<ReplyValues>();

  /** The return and extension dialogs alike: titled by their action, submitting their form. */
  const dialogProps = (name: 'return' | 'extension', form: FormInstance) => ({
    open: dialog === name,
    title: t(`unit.${name}.title`),
    okText: t(`unit.${name}.submit`),
    cancelText: t('common.cancel'),
    confirmLoading: busy,
    onCancel: () => setDialog(undefined),
    onOk: () => form.submit(),
    destroyOnHidden: true,
  });

  const run = async (action: () => Promise<CommandResult>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      commandId.current = newCommandId();
      setDialog(undefined);
      void message.success(t(done));
      onDone(result?.position);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const caseId = detail.caseId;
  const toSign = task.status === 'to-sign';
  const working = task.status === 'in-progress';
  const lead = task.role === 'lead';
  if (!toSign && !working) return null;

  const replyCard = working && (
    <Card title={t(lead ? 'unit.reply.title' : 'unit.reply.partTitle')} className="section">
      <Form<ReplyValues>
        form={replyForm}
        layout="vertical"
        onFinish={(values) =>
          void run(() => {
            const body = { result: values.result.trim(), attachments: uploadedRefs(values.files ?? []) };
            return lead
              ? unitCommands.reply(caseId, body, commandId.current)
              : unitCommands.coHandlerReply(caseId, body, commandId.current);
          }, 'unit.reply.done')
        }
      >
        <Form.Item
          label={t('unit.reply.result')}
          name="result"
          rules={[
            { required: true, whitespace: true, message: t('unit.reply.resultRequired') },
            { max: 4000 },
          ]}
        >
          <Input.TextArea rows={5} showCount maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('unit.reply.files')} name="files" initialValue={[]}>
          <PhotoUpload accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,video/mp4" max={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(lead ? 'unit.reply.submit' : 'unit.reply.submitPart')}
        </Button>
      </Form>
    </Card>
  );

  return (
    <>
      <Card title={t('unit.actions.title')} className="section">
        {error !== undefined && dialog === undefined && <ErrorAlert error={error} />}
        <Flex gap="small" wrap className="section">
          {toSign && (
            <>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(() => unitCommands.sign(caseId, commandId.current), 'unit.sign.done')}
              >
                {t('unit.sign')}
              </Button>
              <Button danger onClick={() => setDialog('return')}>
                {t('unit.return')}
              </Button>
            </>
          )}
          {working && lead && detail.pendingExtension === undefined && (
            <Button onClick={() => setDialog('extension')}>{t('unit.extension')}</Button>
          )}
        </Flex>
      </Card>
      {replyCard}
      <Modal {...dialogProps('return', returnForm)}>
        <Form<ReturnValues>
          form={returnForm}
          layout="vertical"
          onFinish={(values) =>
            void run(
              () =>
                unitCommands.return(
                  caseId,
                  {
                    reason: values.reason,
                    explanation: values.explanation.trim(),
                    basis: values.basis.trim(),
                  },
                  commandId.current,
                ),
              'unit.return.done',
            )
          }
        >
          <Form.Item
            label={t('unit.return.reason')}
            name="reason"
            rules={[{ required: true, message: t('unit.return.reasonRequired') }]}
          >
            <Select
              options={RETURN_REASONS.map((reason) => ({
                value: reason,
                label: t(`returnReason.${reason}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('unit.return.explanation')}
            name="explanation"
            rules={[
              { required: true, whitespace: true, message: t('unit.return.explanationRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            label={t('unit.return.basis')}
            name="basis"
            extra={t('unit.return.basisHint')}
            rules={[
              { required: true, whitespace: true, message: t('unit.return.basisRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {error !== undefined && <ErrorAlert error={error} />}
        </Form>
      </Modal>
      <Modal {...dialogProps('extension', extensionForm)}>
        <Form<ExtensionValues>
          form={extensionForm}
          layout="vertical"
          onFinish={(values) =>
            void run(
              () =>
                unitCommands.requestExtension(
                  caseId,
                  {
                    reason: values.reason.trim(),
                    requestedDueAt: values.requestedDueAt.endOf('day').toISOString(),
                  },
                  commandId.current,
                ),
              'unit.extension.done',
            )
          }
        >
          <Form.Item
            label={t('unit.extension.date')}
            name="requestedDueAt"
            rules={[{ required: true, message: t('unit.extension.dateRequired') }]}
          >
            <DatePicker
              disabledDate={(day) => day.isBefore(dayjs(detail.dueAt ?? undefined).add(1, 'day'), 'day')}
            />
          </Form.Item>
          <Form.Item
            label={t('unit.extension.reason')}
            name="reason"
            rules={[
              { required: true, whitespace: true, message: t('unit.extension.reasonRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {error !== undefined && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
}
