import type { IvrNode } from './ivr-flow.schema';

/** One way out of a node: where it goes and why (the label a flowchart shows on the arrow). */
export interface FlowEdge {
  to: string;
  /** A digit, or a word for the condition: next, fail, open, closed, blocked, … */
  on: string;
}

/** Every way out of a node. A node without any is terminal (the call ends or leaves the IVR). */
export function edgesOf(node: IvrNode): FlowEdge[] {
  switch (node.kind) {
    case 'play':
    case 'announcement':
      return [{ to: node.next, on: 'next' }];
    case 'menu':
      return [...digitEdges(node.options), { to: node.onFail, on: 'fail' }];
    case 'collect':
      return [
        { to: node.next, on: 'next' },
        { to: node.onFail, on: 'fail' },
      ];
    case 'record':
      return [
        { to: node.next, on: 'confirmed' },
        { to: node.onCancel, on: 'cancelled' },
      ];
    case 'case-status':
      return [
        { to: node.next, on: 'found' },
        { to: node.onNotFound, on: 'not-found' },
      ];
    case 'enqueue':
      return node.afterCall ? [{ to: node.afterCall, on: 'after-call' }] : [];
    case 'callback-offer':
      return [
        { to: node.accepted, on: 'accepted' },
        { to: node.declined, on: 'declined' },
      ];
    case 'survey':
    case 'language':
      return [{ to: node.next, on: 'next' }];
    case 'business-hours':
      return [
        { to: node.open, on: 'open' },
        { to: node.closed, on: 'closed' },
      ];
    case 'blocklist':
      return [
        { to: node.allowed, on: 'allowed' },
        { to: node.blocked, on: 'blocked' },
      ];
    case 'transfer':
    case 'hangup':
      return [];
    default: {
      const unknown: never = node;
      throw new Error(`unknown IVR node ${JSON.stringify(unknown)}`);
    }
  }
}

/** Nodes where a call may leave the flow: it hangs up, reaches an agent or an outside number. */
export const isExitNode = (node: IvrNode): boolean =>
  node.kind === 'hangup' || node.kind === 'transfer' || node.kind === 'enqueue';

function digitEdges(options: Partial<Record<string, string>>): FlowEdge[] {
  return Object.entries(options).flatMap(([digit, to]) => (to === undefined ? [] : [{ to, on: digit }]));
}
