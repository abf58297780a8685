import { useEffect, useMemo, useRef } from 'react';
import type { FlowProblem, IvrNode } from '@hotline/contracts';
import { useLocale, useT } from '../../i18n';
import { NODE_HEIGHT, NODE_WIDTH, layoutFlow } from './flow-layout';
import type { FlowDraft } from './flow-edit';
import { nodeLabel, promptWords, promptsOf, reasonLabel, wayLabel } from './node-words';
import './flow-chart.css';

interface Props {
  draft: FlowDraft;
  problems: Map<string, FlowProblem[]>;
  selected?: string;
  onSelect: (id: string) => void;
  /** What the node says besides its prompts (the live announcement's words, a queue's name). */
  detail?: (id: string, node: IvrNode) => string | undefined;
}

const EXITS: ReadonlySet<string> = new Set(['hangup', 'transfer', 'enqueue']);
const DECISIONS: ReadonlySet<string> = new Set(['business-hours', 'blocklist', 'case-status']);

/**
 * The flow as a flowchart: each node a button (its name, its kind, what the caller hears, the
 * validator's refusal), each way out an arrow labelled by key or outcome; a way back up is dashed.
 */
export function FlowChart({ draft, problems, selected, onSelect, detail }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const layout = useMemo(() => layoutFlow(draft.nodes, draft.start), [draft.nodes, draft.start]);
  const scroller = useRef<HTMLDivElement>(null);
  const startX = layout.nodes.get(draft.start)?.x;
  // The chart is wider than the screen: it opens on the start, centred.
  useEffect(() => {
    const box = scroller.current;
    if (box !== null && startX !== undefined) box.scrollLeft = startX + NODE_WIDTH / 2 - box.clientWidth / 2;
  }, [startX]);
  // A node picked elsewhere (the list of refusals) is brought into view.
  useEffect(() => {
    if (selected === undefined) return;
    scroller.current
      ?.querySelector(`[data-node="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);
  return (
    <div className="ivr-chart-scroll" ref={scroller}>
      <div className="ivr-chart" style={{ width: layout.width, height: layout.height }}>
        <svg width={layout.width} height={layout.height} aria-hidden="true">
          <defs>
            <marker
              id="ivr-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#8c8c8c" />
            </marker>
          </defs>
          {layout.edges.map((edge) => {
            const label = edge.ons
              .filter((on) => on !== 'next')
              .map((on) => wayLabel(on, t))
              .join(' / ');
            return (
              <g key={`${edge.from}|${edge.to}`}>
                <path
                  className={edge.back ? 'ivr-edge ivr-edge-back' : 'ivr-edge'}
                  d={edge.path}
                  markerEnd="url(#ivr-arrow)"
                />
                {label !== '' && (
                  <text className="ivr-edge-label" x={edge.labelX} y={edge.labelY} textAnchor="middle">
                    {label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {[...layout.nodes.values()].map(({ id, x, y }) => {
          const node = draft.nodes[id]!;
          const refused = problems.get(id) ?? [];
          const label = nodeLabel(node, t, locale);
          const words =
            detail?.(id, node) ??
            promptsOf(node)
              .map((key) => promptWords(key, locale))
              .filter((w) => w !== undefined)
              .join(' ');
          const classes = [
            'ivr-node',
            EXITS.has(node.kind) ? 'ivr-node-exit' : DECISIONS.has(node.kind) ? 'ivr-node-decision' : '',
            refused.length > 0 ? 'ivr-node-refused' : '',
            selected === id ? 'ivr-node-selected' : '',
          ];
          const reasons = [...new Set(refused.map((p) => reasonLabel(p.reason, t)))].join('、');
          return (
            <button
              key={id}
              type="button"
              className={classes.join(' ')}
              style={{ left: x, top: y, width: NODE_WIDTH, height: NODE_HEIGHT }}
              aria-pressed={selected === id}
              data-node={id}
              title={words || undefined}
              onClick={() => onSelect(id)}
            >
              <span className="ivr-node-title">{id === draft.start ? `▶ ${label}` : label}</span>
              <span className="ivr-node-words">
                {t(`ivr.kind.${node.kind}`)}
                {words ? `｜${words}` : ''}
              </span>
              {reasons !== '' && <span className="ivr-node-refusal">⚠ {reasons}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}
