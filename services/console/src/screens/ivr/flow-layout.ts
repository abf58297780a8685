import { edgesOf, type IvrNode } from '@hotline/contracts';

export const NODE_WIDTH = 164;
export const NODE_HEIGHT = 76;
const GAP_X = 22;
const GAP_Y = 64;
const MARGIN = 24;

export interface PlacedNode {
  id: string;
  layer: number;
  x: number;
  y: number;
}

/** The ways out from one node to one other, drawn as one arrow (1 and 超时或无效 both to the agent). */
export interface PlacedEdge {
  from: string;
  to: string;
  /** The keys or outcomes it stands for, in the node's order. */
  ons: string[];
  /** SVG path data from the source's bottom to the target's top (a curve round the side going back up). */
  path: string;
  /** Where the edge's label sits. */
  labelX: number;
  labelY: number;
  /** The target is above or beside the source: a way back (a menu's 返回). */
  back: boolean;
}

export interface FlowLayout {
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

type Nodes = Readonly<Record<string, IvrNode>>;

/**
 * A layered flowchart, top to bottom, computed in the browser (no graph library: the flows are small,
 * at most 200 nodes). A node's layer is its distance from the start; nodes the start never reaches sit
 * in a last layer of their own, so a refusal shows where it applies. Within a layer nodes keep the order
 * of their parents' ways out, then two sweeps move each towards the mean place of its parents.
 * Ways out to no node are left out (the node carries the refusal).
 */
export function layoutFlow(nodes: Nodes, start: string): FlowLayout {
  const ids = Object.keys(nodes);
  const layers = layersFrom(nodes, start);
  const rows: string[][] = [];
  for (const id of orderedFrom(nodes, start)) {
    const layer = layers.get(id)!;
    (rows[layer] ??= []).push(id);
  }
  const orphans = ids.filter((id) => !layers.has(id));
  if (orphans.length > 0) {
    for (const id of orphans) layers.set(id, rows.length);
    rows.push(orphans);
  }
  const parents = parentsOf(nodes);
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let layer = 1; layer < rows.length; layer++) {
      const above = new Map((rows[layer - 1] ?? []).map((id, index) => [id, index]));
      const row = rows[layer] ?? [];
      const weight = (id: string, index: number): number => {
        const places = (parents.get(id) ?? []).flatMap((p) => (above.has(p) ? [above.get(p)!] : []));
        return places.length === 0 ? index : places.reduce((a, b) => a + b, 0) / places.length;
      };
      const weights = new Map(row.map((id, index) => [id, weight(id, index)]));
      row.sort((a, b) => weights.get(a)! - weights.get(b)!);
    }
  }
  const widest = Math.max(1, ...rows.map((row) => row.length));
  const width = MARGIN * 2 + widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const placed = new Map<string, PlacedNode>();
  rows.forEach((row, layer) => {
    const rowWidth = row.length * NODE_WIDTH + (row.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    row.forEach((id, index) => {
      placed.set(id, {
        id,
        layer,
        x: left + index * (NODE_WIDTH + GAP_X),
        y: MARGIN + layer * (NODE_HEIGHT + GAP_Y),
      });
    });
  });
  const edges = ids.flatMap((from) => {
    const a = placed.get(from);
    const byTarget = new Map<string, string[]>();
    for (const edge of edgesOf(nodes[from]!)) {
      if (placed.has(edge.to))
        (byTarget.get(edge.to) ?? byTarget.set(edge.to, []).get(edge.to)!).push(edge.on);
    }
    return a ? [...byTarget].map(([to, ons]) => placeEdge(from, to, ons, a, placed.get(to)!)) : [];
  });
  const height = MARGIN * 2 + rows.length * NODE_HEIGHT + Math.max(0, rows.length - 1) * GAP_Y;
  return { nodes: placed, edges, width, height };
}

function placeEdge(from: string, to: string, ons: string[], a: PlacedNode, b: PlacedNode): PlacedEdge {
  if (b.layer > a.layer) {
    const x1 = a.x + NODE_WIDTH / 2;
    const y1 = a.y + NODE_HEIGHT;
    const x2 = b.x + NODE_WIDTH / 2;
    const y2 = b.y;
    const bend = (y2 - y1) / 2;
    // The label sits where the arrows from one node have spread apart: 60 % along the curve.
    const [labelX, labelY] = bezierAt(0.6, [x1, y1], [x1, y1 + bend], [x2, y2 - bend], [x2, y2]);
    return {
      from,
      to,
      ons,
      back: false,
      path: `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`,
      labelX,
      labelY,
    };
  }
  // A way back up (or across a layer): out of the source's right side, into the target's right side.
  const x1 = a.x + NODE_WIDTH;
  const y1 = a.y + NODE_HEIGHT / 2;
  const x2 = b.x + NODE_WIDTH;
  const y2 = b.y + NODE_HEIGHT / 2;
  const reach = Math.max(x1, x2) + GAP_X / 2 + Math.abs(a.layer - b.layer) * 4;
  return {
    from,
    to,
    ons,
    back: true,
    path: `M${x1},${y1} C${reach},${y1} ${reach},${y2} ${x2},${y2}`,
    labelX: reach - 6,
    labelY: (y1 + y2) / 2,
  };
}

type Point = readonly [number, number];

function bezierAt(t: number, p0: Point, p1: Point, p2: Point, p3: Point): Point {
  const u = 1 - t;
  const at = (i: 0 | 1) =>
    u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i];
  return [at(0), at(1)];
}

/** Each reachable node's distance (in ways out) from the start. */
function layersFrom(nodes: Nodes, start: string): Map<string, number> {
  const layers = new Map<string, number>();
  if (!(start in nodes)) return layers;
  layers.set(start, 0);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const edge of edgesOf(nodes[id]!)) {
      if (edge.to in nodes && !layers.has(edge.to)) {
        layers.set(edge.to, layers.get(id)! + 1);
        queue.push(edge.to);
      }
    }
  }
  return layers;
}

/** Reachable nodes in the order a breadth-first walk meets them (ways out in their own order). */
function orderedFrom(nodes: Nodes, start: string): string[] {
  if (!(start in nodes)) return [];
  const seen = new Set([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const edge of edgesOf(nodes[order[i]!]!)) {
      if (edge.to in nodes && !seen.has(edge.to)) {
        seen.add(edge.to);
        order.push(edge.to);
      }
    }
  }
  return order;
}

function parentsOf(nodes: Nodes): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const [id, node] of Object.entries(nodes)) {
    for (const edge of edgesOf(node))
      (parents.get(edge.to) ?? parents.set(edge.to, []).get(edge.to)!).push(id);
  }
  return parents;
}
