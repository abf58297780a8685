import {
  validateIvrFlow,
  type FlowProblem,
  type IvrFlowDocument,
  type IvrNode,
  type IvrNodeKind,
} from '@hotline/contracts';

/**
 * The flow being edited: the published document plus the administrator's changes, checked by the same
 * validator the sipapp runs before it publishes (contracts' `validateIvrFlow`), so a refusal shows on
 * the node it names before anyone presses 发布.
 */
export type FlowDraft = IvrFlowDocument;

/** The validator's refusals by the node they name (a schema problem names its node too). */
export function problemsByNode(draft: FlowDraft): Map<string, FlowProblem[]> {
  const validation = validateIvrFlow(draft);
  const byNode = new Map<string, FlowProblem[]>();
  if (validation.ok) return byNode;
  for (const problem of validation.problems) {
    (byNode.get(problem.node) ?? byNode.set(problem.node, []).get(problem.node)!).push(problem);
  }
  return byNode;
}

/** The node replaced by `node` (its fields edited in the side panel). */
export const withNode = (draft: FlowDraft, id: string, node: IvrNode): FlowDraft => ({
  ...draft,
  nodes: { ...draft.nodes, [id]: node },
});

/** A field of a node set (a way out, a prompt, a timeout…): the node is otherwise unchanged. */
export const withField = (draft: FlowDraft, id: string, field: string, value: unknown): FlowDraft => {
  const node = draft.nodes[id];
  if (node === undefined) return draft;
  const next = { ...node, [field]: value } as Record<string, unknown>;
  if (value === undefined) delete next[field];
  return withNode(draft, id, next as IvrNode);
};

/**
 * A new node of a kind, its ways out all to `fallback` (a hang-up of the flow): nothing leads to it
 * yet, so the validator calls it unreachable until a way out of another node is pointed at it.
 */
export function addNode(
  draft: FlowDraft,
  kind: IvrNodeKind,
  fallback: string,
): { draft: FlowDraft; id: string } {
  const id = freshId(draft, kind);
  return { draft: withNode(draft, id, newNode(kind, fallback)), id };
}

/**
 * The node removed; ways out of other nodes that led to it now lead nowhere, and the validator names
 * each of those nodes (无出口) until they are pointed elsewhere. The start is never removed.
 */
export function removeNode(draft: FlowDraft, id: string): FlowDraft {
  if (id === draft.start || !(id in draft.nodes)) return draft;
  const nodes = { ...draft.nodes };
  delete nodes[id];
  return { ...draft, nodes };
}

/** The first hang-up of the flow: where a new node's ways out go until someone points them elsewhere. */
export const fallbackTarget = (draft: FlowDraft): string =>
  Object.entries(draft.nodes).find(([, node]) => node.kind === 'hangup')?.[0] ?? draft.start;

function freshId(draft: FlowDraft, kind: IvrNodeKind): string {
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!(id in draft.nodes)) return id;
  }
}

/** A node of `kind` with the schema's defaults and the shipped prompts that fit it. */
export function newNode(kind: IvrNodeKind, to: string): IvrNode {
  switch (kind) {
    case 'play':
      return { kind, prompts: ['welcome'], next: to };
    case 'menu':
      return { kind, prompt: 'main-menu', options: { '1': to }, timeoutSeconds: 6, attempts: 3, onFail: to };
    case 'collect':
      return {
        kind,
        prompt: 'enter-case-number',
        into: 'digits',
        minDigits: 1,
        maxDigits: 8,
        terminator: '#',
        timeoutSeconds: 10,
        attempts: 3,
        readBack: false,
        next: to,
        onFail: to,
      };
    case 'record':
      return {
        kind,
        prompt: 'message-prompt',
        purpose: 'voicemail',
        maxSeconds: 120,
        next: to,
        onCancel: to,
      };
    case 'case-status':
      return { kind, from: 'caseNumber', next: to, onNotFound: to };
    case 'enqueue':
      return { kind, queueId: 'general', urgent: false, skills: [], matchLanguage: true };
    case 'transfer':
      return { kind, number: '12345' };
    case 'callback-offer':
      return { kind, prompt: 'callback-offer', accepted: to, declined: to };
    case 'survey':
      return {
        kind,
        question: 'call-satisfaction',
        prompt: 'satisfaction-question',
        options: { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' },
        next: to,
      };
    case 'business-hours':
      return {
        kind,
        days: 'working-days',
        sessions: [{ start: '08:30', end: '17:30' }],
        open: to,
        closed: to,
      };
    case 'blocklist':
      return { kind, blocked: to, allowed: to };
    case 'announcement':
      return { kind, next: to };
    case 'language':
      return {
        kind,
        prompt: 'choose-language',
        options: { '1': 'zh-CN', '2': 'en' },
        timeoutSeconds: 4,
        next: to,
      };
    case 'hangup':
      return { kind, prompts: ['goodbye'] };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown IVR node kind ${String(unknown)}`);
    }
  }
}
