/**
 * The layout of large neighbourhoods: a radial tree around the centre node.
 * A neighbourhood is a breadth-first expansion, so its spanning tree is its
 * natural shape: each ring is one step further from the centre, and every
 * node sits in the angular sector of the node it was reached through, so a
 * branch reads as one wedge. Siblings are grouped by label (one colour run).
 * Plain arrays, linear in nodes and edges plus a short overlap-removal pass:
 * at 500 nodes this costs a few milliseconds where a force layout costs
 * hundreds (see bench/explorer.ts).
 */

export interface LayoutNode {
  readonly id: string;
  readonly label: string;
}

export interface LayoutEdge {
  readonly source: string;
  readonly target: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface RadialOptions {
  /** Centre-to-centre distance wanted between neighbours on a ring. */
  readonly spacing: number;
  /** Smallest distance between two rings. */
  readonly ringGap: number;
  /** Nodes closer than this are pushed apart afterwards. */
  readonly minDistance: number;
}

export const RADIAL_DEFAULTS: RadialOptions = { spacing: 44, ringGap: 150, minDistance: 36 };

/** Positions for every node in `nodes`, the root at (0, 0); nodes the root cannot reach form an outer ring. */
export function radialTreeLayout(rootId: string, nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: RadialOptions = RADIAL_DEFAULTS): Map<string, Point> {
  const count = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const neighbours: number[][] = nodes.map(() => []);
  for (const edge of edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a]?.push(b);
    neighbours[b]?.push(a);
  }
  // Who reaches a node first decides its wedge: neighbours in id order, so the drawing does not depend on the order the API listed things in.
  const ids = nodes.map((node) => node.id);
  for (const list of neighbours) list.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : 0));
  const root = index.get(rootId) ?? 0;
  const depth = new Int32Array(count).fill(-1);
  const children: number[][] = nodes.map(() => []);
  const order: number[] = [];
  if (count > 0) {
    depth[root] = 0;
    order.push(root);
  }
  for (let head = 0; head < order.length; head += 1) {
    const current = order[head] as number;
    for (const next of neighbours[current] ?? []) {
      if (depth[next] !== -1) continue;
      depth[next] = (depth[current] ?? 0) + 1;
      children[current]?.push(next);
      order.push(next);
    }
  }
  // What the root cannot reach (a neighbourhood cut by its limit) hangs off the root one ring beyond the rest.
  const reached = order.length;
  const outer = reached > 0 ? (depth[order[reached - 1] as number] ?? 0) + 1 : 0;
  for (let i = 0; i < count; i += 1) {
    if (depth[i] !== -1) continue;
    depth[i] = outer;
    children[root]?.push(i);
    order.push(i);
  }
  const byLabel = (a: number, b: number) => {
    const left = nodes[a] as LayoutNode;
    const right = nodes[b] as LayoutNode;
    return (depth[a] ?? 0) - (depth[b] ?? 0) || (left.label < right.label ? -1 : left.label > right.label ? 1 : 0) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
  };
  for (const list of children) list.sort(byLabel);
  // A subtree's share of its parent's sector: its number of leaves.
  const weight = new Float64Array(count);
  for (let k = order.length - 1; k >= 0; k -= 1) {
    const node = order[k] as number;
    let sum = 0;
    for (const child of children[node] ?? []) sum += weight[child] ?? 0;
    weight[node] = Math.max(1, sum);
  }
  const angle = new Float64Array(count);
  const sectorStart = new Float64Array(count);
  const sectorSize = new Float64Array(count);
  sectorSize[root] = 2 * Math.PI;
  for (const node of order) {
    const start = sectorStart[node] ?? 0;
    const size = sectorSize[node] ?? 0;
    angle[node] = start + size / 2;
    const total = weight[node] ?? 1;
    let offset = start;
    for (const child of children[node] ?? []) {
      const share = (size * (weight[child] ?? 1)) / total;
      sectorStart[child] = offset;
      sectorSize[child] = share;
      offset += share;
    }
  }
  // Each ring as wide as its nodes need, and never closer than ringGap to the one inside it.
  let rings = 0;
  for (let i = 0; i < count; i += 1) rings = Math.max(rings, (depth[i] ?? 0) + 1);
  const perRing = new Array<number>(rings).fill(0);
  for (let i = 0; i < count; i += 1) perRing[depth[i] ?? 0] = (perRing[depth[i] ?? 0] ?? 0) + 1;
  const radius = new Array<number>(rings).fill(0);
  for (let ring = 1; ring < rings; ring += 1) {
    radius[ring] = Math.max((radius[ring - 1] ?? 0) + options.ringGap, ((perRing[ring] ?? 0) * options.spacing) / (2 * Math.PI));
  }
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const r = radius[depth[i] ?? 0] ?? 0;
    if (r === 0) continue;
    x[i] = r * Math.cos(angle[i] ?? 0);
    y[i] = r * Math.sin(angle[i] ?? 0);
  }
  separate(x, y, root, options.minDistance);
  const positions = new Map<string, Point>();
  nodes.forEach((node, i) => positions.set(node.id, { x: x[i] ?? 0, y: y[i] ?? 0 }));
  return positions;
}

/**
 * Pushes apart nodes closer than `distance` (a few passes over a grid of
 * cells that size, so each pass is linear); the root stays where it is.
 */
function separate(x: Float64Array, y: Float64Array, fixed: number, distance: number, passes = 6): void {
  const count = x.length;
  for (let pass = 0; pass < passes; pass += 1) {
    const cells = new Map<number, number[]>();
    // Cells keyed by a number (a rare collision only adds a pair to check).
    const keyOf = (cx: number, cy: number) => cx * 65_537 + cy;
    for (let i = 0; i < count; i += 1) {
      const key = keyOf(Math.floor((x[i] ?? 0) / distance), Math.floor((y[i] ?? 0) / distance));
      const cell = cells.get(key);
      if (cell) cell.push(i);
      else cells.set(key, [i]);
    }
    let moved = false;
    for (let i = 0; i < count; i += 1) {
      const cx = Math.floor((x[i] ?? 0) / distance);
      const cy = Math.floor((y[i] ?? 0) / distance);
      for (let dx = -1; dx <= 1; dx += 1) {
        for (let dy = -1; dy <= 1; dy += 1) {
          for (const j of cells.get(keyOf(cx + dx, cy + dy)) ?? []) {
            if (j <= i) continue;
            let ex = (x[j] ?? 0) - (x[i] ?? 0);
            let ey = (y[j] ?? 0) - (y[i] ?? 0);
            let gap = Math.hypot(ex, ey);
            if (gap >= distance) continue;
            if (gap < 1e-6) {
              // Same place: part them along a direction of their own.
              ex = Math.cos(i + j);
              ey = Math.sin(i + j);
              gap = 1;
            }
            const push = (distance - gap) / 2 / gap;
            const share = i === fixed || j === fixed ? 2 : 1;
            if (i !== fixed) {
              x[i] = (x[i] ?? 0) - ex * push * share;
              y[i] = (y[i] ?? 0) - ey * push * share;
            }
            if (j !== fixed) {
              x[j] = (x[j] ?? 0) + ex * push * share;
              y[j] = (y[j] ?? 0) + ey * push * share;
            }
            moved = true;
          }
        }
      }
    }
    if (!moved) return;
  }
}

/** Zoom and pan that show every point (with `margin` model units around each) in a width × height viewport. */
export function fitViewport(points: Iterable<Point>, width: number, height: number, padding: number, margin: number, minZoom: number, maxZoom: number): { zoom: number; pan: Point } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const point of points) {
    x1 = Math.min(x1, point.x - margin);
    y1 = Math.min(y1, point.y - margin);
    x2 = Math.max(x2, point.x + margin);
    y2 = Math.max(y2, point.y + margin);
  }
  if (!Number.isFinite(x1)) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min((width - 2 * padding) / Math.max(x2 - x1, 1), (height - 2 * padding) / Math.max(y2 - y1, 1))));
  return { zoom, pan: { x: width / 2 - zoom * ((x1 + x2) / 2), y: height / 2 - zoom * ((y1 + y2) / 2) } };
}
