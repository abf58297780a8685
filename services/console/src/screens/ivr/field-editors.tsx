import { Button, Flex, Input, InputNumber, Select, Switch } from 'antd';
import { IVR_PROMPT_TEXT, type IvrNode } from '@hotline/contracts';
import { useLocale, useT } from '../../i18n';
import type { FlowDraft } from './flow-edit';
import { KEYS, type FieldEditor } from './node-fields';
import { nodeLabel, promptWords } from './node-words';

interface FieldProps {
  draft: FlowDraft;
  field: string;
  editor: FieldEditor;
  value: unknown;
  label: string;
  /** The router's queues by id with their names (an unknown id is typed). */
  queues: ReadonlyArray<{ queueId: string; name: string }>;
  onChange: (value: unknown) => void;
}

/** Prompts a flow may name: the shipped words, the digit prompts left out (the engine reads numbers). */
const PROMPT_KEYS = Object.keys(IVR_PROMPT_TEXT).filter((key) => !key.startsWith('digit-') && key !== 'beep');

/** One field of a node in the side panel, bounded as the schema bounds it. */
export function FieldInput({ draft, field, editor, value, label, queues, onChange }: FieldProps) {
  const t = useT();
  const { locale } = useLocale();
  const targets = Object.entries(draft.nodes).map(([id, node]) => ({
    value: id,
    label: nodeLabel(node, t, locale),
  }));
  const prompts = PROMPT_KEYS.map((key) => ({ value: key, label: promptWords(key, locale) ?? key }));
  switch (editor.type) {
    case 'text':
      return (
        <Input
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'number':
      return (
        <InputNumber
          aria-label={label}
          min={editor.min}
          max={editor.max}
          precision={0}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => n !== null && onChange(n)}
        />
      );
    case 'switch':
      return <Switch aria-label={label} checked={value === true} onChange={onChange} />;
    case 'choice':
      return (
        <Select
          aria-label={label}
          value={value as string}
          onChange={onChange}
          options={editor.values.map((v) => ({ value: v, label: t(`ivr.choice.${field}.${v}`) }))}
        />
      );
    case 'prompt':
    case 'prompts':
      return (
        <Select
          aria-label={label}
          mode={editor.type === 'prompts' ? 'multiple' : undefined}
          showSearch={{ optionFilterProp: 'label' }}
          value={value as string | string[]}
          onChange={onChange}
          options={prompts}
        />
      );
    case 'target':
    case 'optional-target': {
      const known = typeof value === 'string' && value in draft.nodes;
      return (
        <Select
          aria-label={label}
          allowClear={editor.type === 'optional-target'}
          showSearch={{ optionFilterProp: 'label' }}
          status={value !== undefined && !known ? 'error' : undefined}
          placeholder={value !== undefined && !known ? t('ivr.missingTarget') : t('ivr.noTarget')}
          value={known ? value : undefined}
          onChange={(to: string | undefined) => onChange(to)}
          options={targets}
        />
      );
    }
    case 'queue': {
      const options = queues.map((q) => ({ value: q.queueId, label: q.name }));
      if (typeof value === 'string' && !queues.some((q) => q.queueId === value))
        options.push({ value, label: t('ivr.queueUnknown') });
      return <Select aria-label={label} value={value as string} onChange={onChange} options={options} />;
    }
    case 'keys':
      return <KeysEditor draft={draft} value={value} label={label} to={editor.to} onChange={onChange} />;
    case 'sessions':
      return <SessionsEditor value={value} label={label} onChange={onChange} />;
    default: {
      const unknown: never = editor;
      throw new Error(`unknown field editor ${JSON.stringify(unknown)}`);
    }
  }
}

/** A menu's keys and where each goes (a node, a survey's answer, a language); keys are added and removed. */
function KeysEditor({
  draft,
  value,
  label,
  to,
  onChange,
}: {
  draft: FlowDraft;
  value: unknown;
  label: string;
  to: 'target' | 'answer' | 'language';
  onChange: (value: unknown) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const options = (value ?? {}) as Record<string, string>;
  const entries = Object.entries(options);
  const free = KEYS.filter((key) => !(key in options));
  const fallback = to === 'language' ? 'zh-CN' : to === 'answer' ? 'satisfied' : draft.start;
  const set = (next: Record<string, string>) => onChange(next);
  const without = (key: string) => Object.fromEntries(entries.filter(([k]) => k !== key));
  const targetOptions = Object.entries(draft.nodes).map(([id, node]: [string, IvrNode]) => ({
    value: id,
    label: nodeLabel(node, t, locale),
  }));
  return (
    <Flex vertical gap="small" role="group" aria-label={label}>
      {entries.map(([key, goes]) => (
        <Flex key={key} gap="small" align="center">
          <Select
            aria-label={t('ivr.keyOf', { key })}
            style={{ width: 72 }}
            value={key}
            onChange={(other: string) =>
              set(Object.fromEntries(entries.map(([k, v]) => (k === key ? [other, v] : [k, v]))))
            }
            options={[key, ...free].map((k) => ({ value: k, label: k }))}
          />
          {to === 'target' ? (
            <Select
              aria-label={t('ivr.keyGoesTo', { key })}
              style={{ flex: 1, minWidth: 0 }}
              showSearch={{ optionFilterProp: 'label' }}
              status={goes in draft.nodes ? undefined : 'error'}
              placeholder={t('ivr.missingTarget')}
              value={goes in draft.nodes ? goes : undefined}
              onChange={(next: string) => set({ ...options, [key]: next })}
              options={targetOptions}
            />
          ) : to === 'language' ? (
            <Select
              aria-label={t('ivr.keyGoesTo', { key })}
              style={{ flex: 1 }}
              value={goes}
              onChange={(next: string) => set({ ...options, [key]: next })}
              options={['zh-CN', 'en'].map((l) => ({ value: l, label: t(`ivr.language.${l}`) }))}
            />
          ) : (
            <Select
              aria-label={t('ivr.keyGoesTo', { key })}
              style={{ flex: 1 }}
              value={goes}
              onChange={(next: string) => set({ ...options, [key]: next })}
              options={['satisfied', 'basically-satisfied', 'dissatisfied'].map((a) => ({
                value: a,
                label: t(`ivr.answer.${a}`),
              }))}
            />
          )}
          <Button aria-label={t('ivr.removeKey', { key })} onClick={() => set(without(key))}>
            {t('ivr.remove')}
          </Button>
        </Flex>
      ))}
      {free.length > 0 && (
        <Button onClick={() => set({ ...options, [free[0]!]: fallback })}>{t('ivr.addKey')}</Button>
      )}
    </Flex>
  );
}

/** The business hours' sessions (China time, HH:mm), one to four. */
function SessionsEditor({
  value,
  label,
  onChange,
}: {
  value: unknown;
  label: string;
  onChange: (value: unknown) => void;
}) {
  const t = useT();
  const sessions = (value ?? []) as Array<{ start: string; end: string }>;
  const set = (index: number, part: 'start' | 'end', time: string) =>
    onChange(sessions.map((s, i) => (i === index ? { ...s, [part]: time } : s)));
  return (
    <Flex vertical gap="small" role="group" aria-label={label}>
      {sessions.map((session, index) => (
        <Flex key={index} gap="small" align="center">
          <Input
            aria-label={t('ivr.sessionStart', { n: index + 1 })}
            value={session.start}
            onChange={(e) => set(index, 'start', e.target.value)}
          />
          <span>—</span>
          <Input
            aria-label={t('ivr.sessionEnd', { n: index + 1 })}
            value={session.end}
            onChange={(e) => set(index, 'end', e.target.value)}
          />
          <Button
            disabled={sessions.length === 1}
            aria-label={t('ivr.removeSession', { n: index + 1 })}
            onClick={() => onChange(sessions.filter((_, i) => i !== index))}
          >
            {t('ivr.remove')}
          </Button>
        </Flex>
      ))}
      {sessions.length < 4 && (
        <Button onClick={() => onChange([...sessions, { start: '13:00', end: '17:00' }])}>
          {t('ivr.addSession')}
        </Button>
      )}
    </Flex>
  );
}
