import { describe, expect, it } from 'vitest';
import { fitViewport, radialTreeLayout, type LayoutEdge, type LayoutNode } from '../../explorer/src/radial-layout.ts';

/** A neighbourhood as the API gives it: a root, `branches` neighbours, each with `leaves` neighbours of its own (some shared), and one node nothing reaches. */
function neighbourhood(branches: number, leaves: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [{ id: 'root', label: 'Agency' }];
  const edges: LayoutEdge[] = [];
  for (let b = 0; b < branches; b += 1) {
    nodes.push({ id: `b${b}`, label: b % 2 === 0 ? 'Assignment' : 'Leader' });
    edges.push({ source: `b${b}`, target: 'root' });
    for (let l = 0; l < leaves; l += 1) {
      nodes.push({ id: `b${b}l${l}`, label: 'Task' });
      edges.push({ source: `b${b}`, target: `b${b}l${l}` });
    }
  }
  // Leaves reached from two branches (the second edge must not move them).
  for (let b = 0; b + 1 < branches; b += 4) edges.push({ source: `b${b + 1}`, target: `b${b}l0` });
  nodes.push({ id: 'stray', label: 'Company' });
  return { nodes, edges };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the radial layout of large neighbourhoods', () => {
  const { nodes, edges } = neighbourhood(20, 12);
  const positions = radialTreeLayout('root', nodes, edges, { spacing: 44, ringGap: 150, minDistance: 36 });

  it('places every node once, the root at the centre, each ring further out than the one it was reached from', () => {
    expect(positions.size).toBe(nodes.length);
    expect(positions.get('root')).toEqual({ x: 0, y: 0 });
    const origin = { x: 0, y: 0 };
    const ring1 = Math.min(...Array.from({ length: 20 }, (_, b) => distance(positions.get(`b${b}`)!, origin)));
    const ring2 = Math.min(...nodes.filter((node) => node.label === 'Task').map((node) => distance(positions.get(node.id)!, origin)));
    expect(ring1).toBeGreaterThan(100);
    expect(ring2).toBeGreaterThan(ring1 + 100);
    // What the root cannot reach goes outside everything else.
    expect(distance(positions.get('stray')!, origin)).toBeGreaterThan(ring2);
  });

  it('keeps a branch together: a leaf is nearer its own parent than most other parents', () => {
    for (let b = 0; b < 20; b += 1) {
      const parent = positions.get(`b${b}`)!;
      const leaf = positions.get(`b${b}l0`)!;
      const others = Array.from({ length: 20 }, (_, o) => o)
        .filter((o) => o !== b)
        .map((o) => distance(positions.get(`b${o}`)!, leaf));
      const nearer = others.filter((d) => d < distance(parent, leaf)).length;
      expect(nearer, `b${b}`).toBeLessThanOrEqual(2);
    }
  });

  it('leaves no two nodes on top of each other', () => {
    const points = [...positions.values()];
    let closest = Infinity;
    for (let i = 0; i < points.length; i += 1) for (let j = i + 1; j < points.length; j += 1) closest = Math.min(closest, distance(points[i]!, points[j]!));
    expect(closest).toBeGreaterThan(20);
  });

  it('does not depend on the order the API listed the nodes in', () => {
    const again = radialTreeLayout('root', [...nodes].reverse(), [...edges].reverse(), { spacing: 44, ringGap: 150, minDistance: 36 });
    for (const node of nodes) expect(again.get(node.id), node.id).toEqual(positions.get(node.id));
  });

  it('fits the points into the viewport, centred, within the zoom limits', () => {
    const { zoom, pan } = fitViewport(positions.values(), 1000, 600, 30, 25, 0.05, 4);
    const xs = [...positions.values()].map((point) => point.x * zoom + pan.x);
    const ys = [...positions.values()].map((point) => point.y * zoom + pan.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...xs)).toBeLessThanOrEqual(970);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...ys)).toBeLessThanOrEqual(570);
    expect(fitViewport([{ x: 5, y: 5 }], 1000, 600, 30, 25, 0.05, 4).zoom).toBe(4);
    expect(fitViewport([], 1000, 600, 30, 25, 0.05, 4)).toEqual({ zoom: 1, pan: { x: 500, y: 300 } });
  });
});
