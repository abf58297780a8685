import type { z } from 'zod';
import { edgesOf, isExitNode } from './ivr-flow.graph';
import { IvrFlowDocument } from './ivr-flow.schema';

export type FlowProblemReason =
  'invalid-document' | 'unknown-start' | 'dead-end' | 'unreachable' | 'loop-without-exit';

/** One reason a flow cannot be published, naming the node (or the field of an invalid document). */
export interface FlowProblem {
  node: string;
  reason: FlowProblemReason;
  message: string;
}

export type FlowValidation = { ok: true; flow: IvrFlowDocument } | { ok: false; problems: FlowProblem[] };

/**
 * Parses and checks a flow: every target exists, every node is reachable from the start, and from every
 * node some path leads out of the flow (a hang-up, a queue or a transfer). A way out that names no node
 * is a dead end; a node whose ways out only circle back is a loop without exit.
 */
export function validateIvrFlow(input: unknown): FlowValidation {
  const parsed = IvrFlowDocument.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(schemaProblem) };
  const flow = parsed.data;
  const problems: FlowProblem[] = [];
  const ids = Object.keys(flow.nodes);
  if (!(flow.start in flow.nodes)) {
    problems.push({ node: flow.start, reason: 'unknown-start', message: `start: no node ${flow.start}` });
  }
  for (const id of ids) {
    for (const edge of edgesOf(flow.nodes[id]!)) {
      if (!(edge.to in flow.nodes)) {
        problems.push({
          node: id,
          reason: 'dead-end',
          message: `node ${id}: dead end, "${edge.on}" goes to ${edge.to}, which is not a node of the flow`,
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const reachable = walk([flow.start], (id) => edgesOf(flow.nodes[id]!).map((e) => e.to));
  for (const id of ids) {
    if (!reachable.has(id)) {
      problems.push({
        node: id,
        reason: 'unreachable',
        message: `node ${id}: unreachable from ${flow.start}`,
      });
    }
  }
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const edge of edgesOf(flow.nodes[id]!)) incoming.get(edge.to)!.push(id);
  const exits = ids.filter((id) => isExitNode(flow.nodes[id]!));
  const canLeave = walk(exits, (id) => incoming.get(id) ?? []);
  for (const id of ids) {
    if (!reachable.has(id) || canLeave.has(id)) continue;
    const targets = edgesOf(flow.nodes[id]!).map((e) => e.to);
    problems.push({
      node: id,
      reason: 'loop-without-exit',
      message: `node ${id}: loop without exit, every way on (${targets.join(', ')}) circles back without reaching a hang-up, queue or transfer`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow };
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const todo = [...from];
  while (todo.length > 0) {
    for (const to of next(todo.pop()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        todo.push(to);
      }
    }
  }
  return seen;
}

function schemaProblem(issue: z.core.$ZodIssue): FlowProblem {
  const [first, second] = issue.path.map(String);
  const node = first === 'nodes' && second !== undefined ? second : (first ?? 'flow');
  return { node, reason: 'invalid-document', message: `${issue.path.join('.') || 'flow'}: ${issue.message}` };
}
