import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Space, type InputRef } from 'antd';
import { useLocation, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useDebouncedValue, useRequest } from '../../components/use-request';
import { CardTitle, FieldLabel, VisuallyHidden } from '../../components/text-parts';
import { useT } from '../../i18n';
import { AnswerModal, type AnswerSource } from './answer-modal';
import { CallerHistoryPanel } from './caller-history-panel';
import { ChatPanel } from './chat-panel';
import { CitizenSubmissionCard } from './citizen-submission-card';
import {
  callerHistory,
  classify,
  findDuplicates,
  getContact,
  type IntakeDraft,
  type NotAcceptedReason,
} from './desk-api';
import { attachmentsOf, IntakeFormFields, PHONE_PATTERN, type IntakeFormValues } from './intake-form-fields';
import { IntakeResultCard } from './intake-result-card';
import { KnowledgePanel } from './knowledge-panel';
import { NotAcceptedModal } from './not-accepted-modal';
import { RecentContactsCard } from './recent-contacts-card';
import { useRecentContacts } from './recent-contacts';
import { SuggestionsPanel } from './suggestions-panel';
import { useDeskShortcuts } from './use-desk-shortcuts';
import { ShortcutHints } from './shortcut-hints';
import { IntakeNotices } from './intake-notices';
import { useIntakeDraft } from './use-intake-draft';
import { useIntakeFlow } from './use-intake-flow';

const EMPTY: IntakeFormValues = { content: '', confidential: false, anonymous: false, urgency: 'normal' };

const draftOf = (values: IntakeFormValues): IntakeDraft => {
  const { files, ...rest } = values;
  return { ...EMPTY, ...rest, content: (rest.content ?? '').trim(), attachments: attachmentsOf(files) };
};

/** The agent desk: screen pop, the contact form with live suggestions, the knowledge base, outcomes. */
export function IntakePage() {
  const t = useT();
  const { user } = useSession();
  const [form] = Form.useForm<IntakeFormValues>();
  const phoneRef = useRef<InputRef>(null);
  const kbRef = useRef<InputRef>(null);
  const recent = useRecentContacts(user?.id ?? 'anonymous');
  const flow = useIntakeFlow(recent.remember);
  const [lookup, setLookup] = useState('');
  const [caller, setCaller] = useState<string | undefined>(undefined);
  const [answerSource, setAnswerSource] = useState<AnswerSource | undefined>(undefined);
  const [declineReason, setDeclineReason] = useState<NotAcceptedReason | undefined | null>(null);
  const [params, setParams] = useSearchParams();
  const waitingId = params.get('contact') ?? undefined;
  const waiting = useRequest(
    () => getContact(waitingId ?? ''),
    waitingId === undefined ? null : `w:${waitingId}`,
  );

  const history = useRequest(() => callerHistory(caller ?? ''), caller === undefined ? null : `h:${caller}`);
  const content = Form.useWatch('content', form) ?? '';
  const watched = Form.useWatch([], form);
  const settled = useDebouncedValue(content.trim(), 600);
  const classification = useRequest(() => classify(settled), settled.length < 4 ? null : `c:${settled}`);
  const duplicateKey =
    settled.length < 4 ? null : JSON.stringify([settled, watched?.phone, watched?.categoryCode]);
  const duplicates = useRequest(
    () => findDuplicates(draftOf(form.getFieldsValue(true) as IntakeFormValues)),
    duplicateKey,
  );

  const categoryName = useCategoryName();
  const draft = useIntakeDraft(form, user?.id ?? 'anonymous', watched, {
    restore: waitingId === undefined,
    done: flow.result !== undefined,
  });

  const startNewCall = useCallback(() => {
    draft.clear();
    flow.reset();
    form.resetFields();
    setLookup('');
    setCaller(undefined);
    if (waitingId !== undefined) setParams({});
    phoneRef.current?.focus();
  }, [draft, flow, form, waitingId, setParams]);

  // Alt+N or the button with a half-typed record: ask first, so a keystroke never wipes a call.
  const newCall = useCallback(() => {
    if (flow.result !== undefined || !draft.isDirty()) startNewCall();
    else draft.confirmDiscard(startNewCall);
  }, [flow.result, draft, startNewCall]);

  // A message from the waiting queue: its contact is already recorded, so the form starts from it.
  const adopt = flow.adopt;
  useEffect(() => {
    const contact = waiting.data;
    if (contact === undefined) return;
    adopt(contact.contactId);
    form.resetFields();
    form.setFieldsValue({
      content: contact.content,
      name: contact.caller.name,
      phone: contact.caller.phone,
      address: contact.caller.address,
      place: contact.place?.address,
      coordinates:
        contact.place?.lat !== undefined && contact.place.lng !== undefined
          ? { lat: contact.place.lat, lng: contact.place.lng }
          : undefined,
      anonymous: contact.caller.anonymous,
      type: contact.classification?.type,
      categoryCode: contact.classification?.categoryCode,
    });
    if (contact.caller.phone !== undefined) {
      setLookup(contact.caller.phone);
      setCaller(contact.caller.phone);
    }
  }, [waiting.data, adopt, form]);

  const lookUp = (value: string) => {
    const phone = value.trim().replace(/\s+/g, '');
    if (!PHONE_PATTERN.test(phone)) return;
    setCaller(phone);
    if (!form.getFieldValue('phone')) form.setFieldsValue({ phone });
  };

  // A call answered on the agent panel: its number is looked up at once (kept out of the URL).
  const answered = (useLocation().state as { callerPhone?: string } | null)?.callerPhone;
  useEffect(() => {
    if (answered === undefined) return;
    setLookup(answered);
    setCaller(answered);
    if (!form.getFieldValue('phone')) form.setFieldsValue({ phone: answered });
  }, [answered, form]);

  // The screen pop fills the caller's name and address from the newest contact when the agent has not.
  useEffect(() => {
    const last = history.data?.contacts.find((c) => c.caller.name !== undefined)?.caller;
    if (last === undefined) return;
    const current = form.getFieldsValue(['name', 'address']) as Partial<IntakeFormValues>;
    form.setFieldsValue({
      ...(current.name ? {} : { name: last.name }),
      ...(current.address || last.address === undefined ? {} : { address: last.address }),
    });
  }, [history.data, form]);

  const validated = async (names?: string[]): Promise<IntakeDraft | undefined> => {
    try {
      await form.validateFields(names);
      return draftOf(form.getFieldsValue(true) as IntakeFormValues);
    } catch {
      return undefined;
    }
  };

  const register = async () => {
    const draft = await validated();
    if (draft === undefined) return;
    if (draft.type === undefined || draft.categoryCode === undefined) {
      form.setFields([
        ...(draft.type === undefined
          ? [{ name: 'type' as const, errors: [t('desk.form.typeRequired')] }]
          : []),
        ...(draft.categoryCode === undefined
          ? [{ name: 'categoryCode' as const, errors: [t('desk.form.categoryRequired')] }]
          : []),
      ]);
      return;
    }
    await flow.register(draft);
  };

  useDeskShortcuts({
    onPhone: () => phoneRef.current?.focus(),
    onKnowledge: () => kbRef.current?.focus(),
    onRegister: () => {
      if (answerSource === undefined && declineReason === null && flow.result === undefined) void register();
    },
    onNewCall: newCall,
  });

  const missingForAnswer = [
    ...(watched?.type === undefined ? [t('desk.form.type')] : []),
    ...(watched?.categoryCode === undefined ? [t('desk.form.category')] : []),
  ];
  const done = flow.result !== undefined;

  return (
    <>
      <PageHeader
        title={t('desk.title')}
        subTitle={<ShortcutHints />}
        extra={<Button onClick={newCall}>{t('desk.newCall')}</Button>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small">
              <FieldLabel htmlFor="desk-caller-phone">{t('desk.callerPhone')}</FieldLabel>
              <Input.Search
                id="desk-caller-phone"
                ref={phoneRef}
                value={lookup}
                autoFocus
                inputMode="tel"
                autoComplete="off"
                onChange={(event) => setLookup(event.target.value)}
                onSearch={lookUp}
                enterButton={t('desk.lookUp')}
                status={lookup !== '' && !PHONE_PATTERN.test(lookup.trim()) ? 'warning' : undefined}
              />
            </Card>
            {waiting.data !== undefined && !done && <CitizenSubmissionCard contact={waiting.data} />}
            {done && flow.result !== undefined ? (
              <IntakeResultCard result={flow.result} onNext={newCall} />
            ) : (
              <Card size="small" title={<CardTitle>{t('desk.form.title')}</CardTitle>}>
                <Form
                  form={form}
                  layout="vertical"
                  initialValues={EMPTY}
                  onFinish={() => void register()}
                  aria-label={t('desk.form.title')}
                  disabled={flow.busy}
                >
                  <IntakeNotices
                    restoredAt={draft.restored?.savedAt}
                    waiting={waiting.data}
                    onDiscard={startNewCall}
                  />
                  <ErrorAlert error={waiting.error} />
                  <IntakeFormFields upload={waitingId === undefined} />
                  <ErrorAlert error={flow.error} onClose={flow.clearError} />
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button type="primary" htmlType="submit" loading={flow.busy}>
                      {t('desk.action.register')}
                    </Button>
                    <Button
                      onClick={() =>
                        void validated(['content']).then((draft) => draft && setAnswerSource({ body: '' }))
                      }
                    >
                      {t('desk.action.answer')}
                    </Button>
                    <Button danger onClick={() => setDeclineReason(undefined)}>
                      {t('desk.action.decline')}
                    </Button>
                  </Space>
                </Form>
              </Card>
            )}
            <RecentContactsCard items={recent.items} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {waiting.data?.channel === 'chat' && (
              <ChatPanel
                contactId={waiting.data.contactId}
                onFill={(text) => form.setFieldsValue({ content: text })}
              />
            )}
            <CallerHistoryPanel
              phone={caller}
              history={history.data}
              loading={history.loading}
              error={history.error}
            />
            {!done && (
              <SuggestionsPanel
                classification={classification.data}
                duplicates={duplicates.data}
                loading={classification.loading || duplicates.loading}
                error={classification.error ?? duplicates.error}
                categoryName={categoryName}
                busy={flow.busy}
                onApply={(values) => form.setFieldsValue(values)}
                onMerge={(duplicate) =>
                  void validated(['content']).then((draft) => draft && flow.merge(draft, duplicate.caseId))
                }
                onNotAccepted={(reason) => setDeclineReason(reason as NotAcceptedReason)}
              />
            )}
            <KnowledgePanel
              ref={kbRef}
              contentQuery={settled}
              disabled={done || flow.busy}
              onAnswer={(article) => setAnswerSource(article)}
            />
          </Space>
        </Col>
      </Row>
      <AnswerModal
        source={answerSource}
        missing={missingForAnswer}
        busy={flow.busy}
        error={answerSource !== undefined ? flow.error : undefined}
        onCancel={() => setAnswerSource(undefined)}
        onSubmit={(answer, articleId) =>
          void validated(['content']).then(async (draft) => {
            if (draft && (await flow.answer(draft, answer, articleId))) setAnswerSource(undefined);
          })
        }
      />
      <NotAcceptedModal
        open={declineReason !== null}
        initialReason={declineReason ?? undefined}
        busy={flow.busy}
        error={declineReason !== null ? flow.error : undefined}
        onCancel={() => setDeclineReason(null)}
        onSubmit={({ reason, explanation, referral }) =>
          void validated(['content']).then(async (draft) => {
            if (draft && (await flow.notAccept(draft, reason, explanation, referral))) setDeclineReason(null);
          })
        }
      />
      {draft.dialogs}
      <VisuallyHidden live>{done ? t(`desk.done.${flow.result?.outcome ?? ''}`) : ''}</VisuallyHidden>
    </>
  );
}
