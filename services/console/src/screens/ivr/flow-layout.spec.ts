import { DEFAULT_IVR_FLOW } from '@hotline/contracts';
import { NODE_HEIGHT, NODE_WIDTH, layoutFlow } from './flow-layout';

const { nodes, start } = DEFAULT_IVR_FLOW;

describe('the flowchart layout', () => {
  const layout = layoutFlow(nodes, start);
  const layer = (id: string) => layout.nodes.get(id)!.layer;

  it('places every node of the default flow, one layer a step from the start', () => {
    expect([...layout.nodes.keys()].sort()).toEqual(Object.keys(nodes).sort());
    expect(layer('check-blocklist')).toBe(0);
    expect([layer('welcome'), layer('refuse')]).toEqual([1, 1]);
    expect(layer('main-menu')).toBe(3);
    expect([layer('agent-hours'), layer('self-service')]).toEqual([4, 4]);
  });

  it('never overlaps two nodes and keeps them inside the drawing', () => {
    const placed = [...layout.nodes.values()];
    for (const a of placed) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(a.y + NODE_HEIGHT).toBeLessThanOrEqual(layout.height);
      for (const b of placed) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart).toBe(true);
      }
    }
  });

  it('draws the ways out to one node as one arrow labelled by its keys and outcomes', () => {
    const toAgentHours = layout.edges.filter((e) => e.from === 'main-menu' && e.to === 'agent-hours');
    expect(toAgentHours.map((e) => e.ons)).toEqual([['1', 'fail']]);
  });

  it('draws each way out once, labelled by key or outcome, and a way back up as such', () => {
    const fromMenu = layout.edges
      .filter((e) => e.from === 'self-service')
      .map((e) => `${e.ons.join('+')}→${e.to}`);
    expect(fromMenu.sort()).toEqual(
      [
        '1→mayor-mailbox',
        '2→complaint',
        '3→enter-case-number',
        '4→knowledge',
        '5→poll',
        '*→main-menu',
        'fail→goodbye',
      ].sort(),
    );
    const back = layout.edges.find((e) => e.from === 'self-service' && e.to === 'main-menu')!;
    expect(back.back).toBe(true);
    expect(layout.edges.find((e) => e.from === 'welcome')!.back).toBe(false);
  });

  it('puts nodes the start never reaches in a last layer, and leaves out ways out to no node', () => {
    const withOrphan = {
      ...nodes,
      orphan: { kind: 'play' as const, prompts: ['welcome'], next: 'nowhere' },
    };
    const placed = layoutFlow(withOrphan, start);
    const deepest = Math.max(...[...layoutFlow(nodes, start).nodes.values()].map((n) => n.layer));
    expect(placed.nodes.get('orphan')!.layer).toBe(deepest + 1);
    expect(placed.edges.some((e) => e.from === 'orphan')).toBe(false);
  });
});
