import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import type { FlowProblem } from '@hotline/contracts';
import { useLocale, useT } from '../../i18n';
import { withField, type FlowDraft } from './flow-edit';
import { FieldInput } from './field-editors';
import { NODE_FIELDS } from './node-fields';
import { nodeLabel, problemText, reasonLabel } from './node-words';

interface Props {
  draft: FlowDraft;
  id: string;
  problems: readonly FlowProblem[];
  queues: ReadonlyArray<{ queueId: string; name: string }>;
  onChange: (draft: FlowDraft) => void;
  onRemove: () => void;
}

/** The selected node's fields, edited in place: every change is checked at once by the validator. */
export function NodePanel({ draft, id, problems, queues, onChange, onRemove }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const node = draft.nodes[id];
  if (node === undefined) return null;
  const fields = NODE_FIELDS[node.kind];
  const record = node as unknown as Record<string, unknown>;
  return (
    <Card
      title={t('ivr.panel.title', { name: nodeLabel(node, t, locale) })}
      extra={<Typography.Text>{t(`ivr.kind.${node.kind}`)}</Typography.Text>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {problems.map((problem, index) => (
          <Alert
            key={index}
            type="error"
            showIcon
            message={`${reasonLabel(problem.reason, t)}：${problemText(problem, t)}`}
          />
        ))}
        <Form layout="vertical" component="div">
          <Form.Item label={t('ivr.field.title')} htmlFor={`ivr-${id}-title`}>
            <Input
              id={`ivr-${id}-title`}
              maxLength={60}
              value={node.title ?? ''}
              onChange={(e) =>
                onChange(withField(draft, id, 'title', e.target.value === '' ? undefined : e.target.value))
              }
            />
          </Form.Item>
          {fields.map(([field, editor]) => (
            <Form.Item key={field} label={t(`ivr.field.${field}`)}>
              <FieldInput
                draft={draft}
                field={field}
                editor={editor}
                value={record[field]}
                label={t(`ivr.field.${field}`)}
                queues={queues}
                onChange={(value) => onChange(withField(draft, id, field, value))}
              />
            </Form.Item>
          ))}
        </Form>
        {id === draft.start ? (
          <Typography.Text>{t('ivr.panel.isStart')}</Typography.Text>
        ) : (
          <Button danger onClick={onRemove}>
            {t('ivr.panel.remove')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
