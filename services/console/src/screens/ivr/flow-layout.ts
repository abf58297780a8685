import { edgesOf, type FlowEdge, type IvrNode } from '@hotline/contracts';

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

export interface PlacedEdge extends FlowEdge {
  from: string;
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
  const edges = ids.flatMap((from) =>
    edgesOf(nodes[from]!).flatMap((edge) => {
      const a = placed.get(from);
      const b = placed.get(edge.to);
      return a && b ? [placeEdge(from, edge, a, b)] : [];
    }),
  );
  const height = MARGIN * 2 + rows.length * NODE_HEIGHT + Math.max(0, rows.length - 1) * GAP_Y;
  return { nodes: placed, edges, width, height };
}

function placeEdge(from: string, edge: FlowEdge, a: PlacedNode, b: PlacedNode): PlacedEdge {
  if (b.layer > a.layer) {
    const x1 = a.x + NODE_WIDTH / 2;
    const y1 = a.y + NODE_HEIGHT;
    const x2 = b.x + NODE_WIDTH / 2;
    const y2 = b.y;
    const bend = (y2 - y1) / 2;
    return {
      ...edge,
      from,
      back: false,
      path: `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`,
      labelX: x1 + (x2 - x1) * 0.25,
      labelY: y1 + (y2 - y1) * 0.3,
    };
  }
  // A way back up (or across a layer): out of the source's right side, into the target's right side.
  const x1 = a.x + NODE_WIDTH;
  const y1 = a.y + NODE_HEIGHT / 2;
  const x2 = b.x + NODE_WIDTH;
  const y2 = b.y + NODE_HEIGHT / 2;
  const reach = Math.max(x1, x2) + GAP_X / 2 + Math.abs(a.layer - b.layer) * 4;
  return {
    ...edge,
    from,
    back: true,
    path: `M${x1},${y1} C${reach},${y1} ${reach},${y2} ${x2},${y2}`,
    labelX: reach - 6,
    labelY: (y1 + y2) / 2,
  };
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
