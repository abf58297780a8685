import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Col, Dropdown, Row, Space, Typography } from 'antd';
import { validateIvrFlow, type FlowProblem, type IvrNode } from '@hotline/contracts';
import { ErrorAlert, PageHeader } from '../../components';
import { errorText } from '../../components/error-text';
import { useRequest } from '../../components/use-request';
import { useInstant, useLocale, useT } from '../../i18n';
import { liveAnnouncementApi } from '../supervisor/live-announcement-api';
import { routingApi } from '../admin/routing-api';
import { useSettingsCommand } from '../admin/use-settings-command';
import { FlowChart } from './flow-chart';
import { addNode, fallbackTarget, problemsByNode, removeNode, type FlowDraft } from './flow-edit';
import { ivrApi, type IvrFlowView } from './ivr-api';
import { NODE_KINDS } from './node-fields';
import { NodePanel } from './node-panel';
import { nodeLabel, reasonLabel } from './node-words';
import { TestCallPanel } from './test-call-panel';

/**
 * 电话导航 (IVR): the flow new calls take, as a flowchart; nodes edited in a side panel, checked by the
 * sipapp's validator as they change, published with the version the edit began from; a test call in
 * the browser against the edited flow.
 */
export function IvrPage() {
  const t = useT();
  const { locale } = useLocale();
  const instant = useInstant();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const loaded = useRequest(() => ivrApi.flow(), String(round));
  const announcement = useRequest(() => liveAnnouncementApi.get(), 'ivr-announcement');
  const routing = useRequest(() => routingApi.settings(), 'ivr-queues');
  const [base, setBase] = useState<IvrFlowView | undefined>(undefined);
  const [draft, setDraft] = useState<FlowDraft | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const publishing = useSettingsCommand();

  // A version read (first, after publishing, or after 载入最新版本) becomes what the edit starts from.
  useEffect(() => {
    if (loaded.data === undefined) return;
    setBase(loaded.data);
    setDraft(loaded.data.flow);
  }, [loaded.data]);

  const problems = useMemo(() => (draft ? problemsByNode(draft) : new Map<string, FlowProblem[]>()), [draft]);
  const valid = useMemo(() => (draft ? validateIvrFlow(draft) : undefined), [draft]);
  const queues = routing.data?.queues ?? [];
  const queueName = (queueId: string) =>
    queues.find((q) => q.queueId === queueId)?.name ?? t('ivr.queueUnknown');

  if (draft === undefined || base === undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <PageHeader title={t('ivr.title')} />
        {loaded.error !== undefined && <ErrorAlert error={loaded.error} />}
      </Space>
    );
  }

  const changed = JSON.stringify(draft) !== JSON.stringify(base.flow);
  const publish = async () => {
    const position = await publishing.run((commandId) => ivrApi.publish(draft, base.version, commandId));
    if (position === undefined) return;
    void message.success(t('ivr.published'));
    setRound((r) => r + 1);
  };
  const add = (kind: IvrNode['kind']) => {
    const added = addNode(draft, kind, fallbackTarget(draft));
    setDraft(added.draft);
    setSelected(added.id);
  };
  const detail = (_id: string, node: IvrNode): string | undefined => {
    if (node.kind === 'announcement') {
      const words =
        announcement.data?.text?.[locale === 'en' ? 'en' : 'zh-CN'] ?? announcement.data?.text?.['zh-CN'];
      return words ? t('ivr.announcementNow', { words }) : t('ivr.announcementNone');
    }
    if (node.kind === 'enqueue') return t('ivr.queueOf', { queue: queueName(node.queueId) });
    if (node.kind === 'transfer') return node.number;
    return undefined;
  };
  const by = base.publishedBy;
  const who = by?.name
    ? by.gatewayRole
      ? t('ivr.byWithRole', { name: by.name, role: t(`role.${by.gatewayRole}`) })
      : by.name
    : t('ivr.bySomeone');
  const refused = [...problems.entries()];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('ivr.title')}
        subTitle={
          base.version === 0
            ? t('ivr.version.default')
            : t('ivr.version.published', { version: base.version, who, when: instant(base.publishedAt) })
        }
        extra={
          <>
            <Dropdown
              menu={{
                items: NODE_KINDS.map((kind) => ({ key: kind, label: t(`ivr.kind.${kind}`) })),
                onClick: ({ key }) => add(key as IvrNode['kind']),
              }}
            >
              <Button>{t('ivr.addNode')}</Button>
            </Dropdown>
            <Button disabled={!changed} onClick={() => setDraft(base.flow)}>
              {t('ivr.discard')}
            </Button>
            <Button
              onClick={() => {
                publishing.reset();
                setRound((r) => r + 1);
              }}
            >
              {t('ivr.reload')}
            </Button>
            <Button
              type="primary"
              disabled={!changed || refused.length > 0}
              loading={publishing.busy}
              onClick={() => void publish()}
            >
              {t('ivr.publish')}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon message={t('ivr.newCallsOnly')} />
      {changed && <Typography.Text strong>{t('ivr.unpublished', { version: base.version })}</Typography.Text>}
      {publishing.error !== undefined && (
        <Alert type="error" showIcon message={errorText(publishing.error, t, locale)} />
      )}
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('ivr.refusedTitle', { count: refused.length })}
          description={
            <Space wrap>
              {refused.map(([id, list]) => {
                const node = draft.nodes[id];
                const name = node ? nodeLabel(node, t, locale) : t('ivr.startMissing');
                const reasons = [...new Set(list.map((p) => reasonLabel(p.reason, t)))].join('、');
                return (
                  <Button key={id} size="small" danger onClick={() => node && setSelected(id)}>
                    {`${name}：${reasons}`}
                  </Button>
                );
              })}
            </Space>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <FlowChart
            draft={draft}
            problems={problems}
            selected={selected}
            onSelect={setSelected}
            detail={detail}
          />
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {selected !== undefined && draft.nodes[selected] !== undefined ? (
              <NodePanel
                draft={draft}
                id={selected}
                problems={problems.get(selected) ?? []}
                queues={queues}
                onChange={setDraft}
                onRemove={() => {
                  setDraft(removeNode(draft, selected));
                  setSelected(undefined);
                }}
              />
            ) : (
              <Alert type="info" message={t('ivr.pickNode')} />
            )}
            <TestCallPanel
              flow={valid?.ok ? valid.flow : undefined}
              announcement={announcement.data?.text}
              queueName={queueName}
            />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
