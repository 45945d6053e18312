// The dependency graph: a layered DAG layout (longest-path layers, barycentre ordering) drawn as SVG.
import { stateOf, isDone } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';
export const NODE_W = 132, NODE_H = 40, COL_GAP = 64, ROW_GAP = 16, PAD = 16;

/**
 * Lays out PRs ({id, dependencies}) left to right: a dependency sits in an earlier layer than
 * every PR that needs it. Cycles are broken (their closing edges are marked `back`), unknown
 * dependencies ignored.
 */
export function layoutDag(prs, sweeps = 4) {
  const n = prs.length;
  const index = new Map(prs.map((p, i) => [p.id, i]));
  const edges = [];
  const out = Array.from({ length: n }, () => []);
  prs.forEach((p, to) => {
    for (const dep of p.dependencies ?? []) {
      const from = index.get(dep);
      if (from === undefined || from === to) continue;
      out[from].push(edges.length);
      edges.push({ from, to, back: false });
    }
  });
  // Back edges by iterative depth-first search (no recursion: chains can be thousands deep).
  const colour = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (colour[s]) continue;
    const stack = [[s, 0]];
    colour[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < out[v].length) {
        top[1]++;
        const e = edges[out[v][i]];
        if (colour[e.to] === 0) { colour[e.to] = 1; stack.push([e.to, 0]); }
        else if (colour[e.to] === 1) e.back = true;
      } else { colour[v] = 2; stack.pop(); }
    }
  }
  // Longest-path layering over the acyclic edges (Kahn's order).
  const indeg = new Int32Array(n);
  for (const e of edges) if (!e.back) indeg[e.to]++;
  const layer = new Int32Array(n);
  const queue = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue.push(v);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const ei of out[v]) {
      const e = edges[ei];
      if (e.back) continue;
      if (layer[v] + 1 > layer[e.to]) layer[e.to] = layer[v] + 1;
      if (--indeg[e.to] === 0) queue.push(e.to);
    }
  }
  const layerCount = n ? Math.max(...layer) + 1 : 0;
  const layers = Array.from({ length: layerCount }, () => []);
  prs.map((p, i) => i).sort((a, b) => (prs[a].id < prs[b].id ? -1 : 1)).forEach(v => layers[layer[v]].push(v));
  const pos = new Float64Array(n);
  const setPos = () => layers.forEach(l => l.forEach((v, i) => { pos[v] = i / Math.max(1, l.length); }));
  setPos();
  const preds = Array.from({ length: n }, () => []), succs = Array.from({ length: n }, () => []);
  for (const e of edges) if (!e.back) { preds[e.to].push(e.from); succs[e.from].push(e.to); }
  const reorder = (l, neighbours) => {
    const bary = new Map(l.map(v => {
      const ns = neighbours[v];
      return [v, ns.length ? ns.reduce((s, w) => s + pos[w], 0) / ns.length : pos[v]];
    }));
    l.sort((a, b) => bary.get(a) - bary.get(b));
    l.forEach((v, i) => { pos[v] = i / Math.max(1, l.length); });
  };
  for (let it = 0; it < sweeps; it++) {
    for (let L = 1; L < layerCount; L++) reorder(layers[L], preds);
    for (let L = layerCount - 2; L >= 0; L--) reorder(layers[L], succs);
  }
  const tallest = Math.max(0, ...layers.map(l => l.length));
  const nodes = new Array(n);
  layers.forEach((l, L) => {
    const offset = (tallest - l.length) * (NODE_H + ROW_GAP) / 2;
    l.forEach((v, i) => {
      nodes[v] = { id: prs[v].id, layer: L, order: i, x: PAD + L * (NODE_W + COL_GAP), y: PAD + offset + i * (NODE_H + ROW_GAP) };
    });
  });
  return {
    nodes,
    edges: edges.map(e => ({ from: prs[e.from].id, to: prs[e.to].id, back: e.back })),
    width: PAD * 2 + 32 + Math.max(0, layerCount * (NODE_W + COL_GAP) - COL_GAP), // 32: room for conflict bows
    height: PAD * 2 + Math.max(0, tallest * (NODE_H + ROW_GAP) - ROW_GAP),
  };
}

/**
 * Pairs of unfinished PRs whose estimated files overlap. A file shared by more than six PRs
 * links them in a chain instead of every pair, so one hot file cannot draw thousands of lines.
 */
export function fileConflicts(prs) {
  const byFile = new Map();
  for (const p of prs) {
    if (isDone(p)) continue;
    for (const f of p.files ?? []) {
      if (!byFile.has(f)) byFile.set(f, []);
      byFile.get(f).push(p.id);
    }
  }
  const pairs = new Map();
  const add = (a, b, f) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = x + '\u0000' + y;
    if (!pairs.has(key)) pairs.set(key, { a: x, b: y, files: [] });
    pairs.get(key).files.push(f);
  };
  for (const [f, ids] of byFile) {
    if (ids.length < 2) continue;
    if (ids.length <= 6) { for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add(ids[i], ids[j], f); }
    else for (let i = 1; i < ids.length; i++) add(ids[i - 1], ids[i], f);
  }
  return [...pairs.values()];
}

function el(name, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

let cachedKey = null, cachedLayout = null;

function drawNodeState(g, pr) {
  const state = stateOf(pr);
  g.setAttribute('class', `node state-${state}`);
  g.querySelector('.node-state').textContent = state + (pr.agent ? ` · ${pr.agent}` : '');
  g.querySelector('title').textContent = `${pr.id} ${pr.title ?? ''} — ${state}${pr.agent ? ', ' + pr.agent : ''}`;
}

function conflictLayer(prs, at) {
  const layer = el('g', { class: 'conflicts' });
  for (const c of fileConflicts(prs)) {
    const a = at.get(c.a), b = at.get(c.b);
    // Same layer: a bow out of the right-hand sides, so the line is not hidden between the boxes.
    const d = a.x === b.x
      ? `M${a.x + NODE_W},${a.y + NODE_H / 2} C${a.x + NODE_W + 30},${a.y + NODE_H / 2} ${b.x + NODE_W + 30},${b.y + NODE_H / 2} ${b.x + NODE_W},${b.y + NODE_H / 2}`
      : `M${a.x + NODE_W / 2},${a.y + NODE_H / 2} L${b.x + NODE_W / 2},${b.y + NODE_H / 2}`;
    const line = el('path', { class: 'conflict', d, 'data-a': c.a, 'data-b': c.b });
    line.append(el('title', {}, `${c.a} and ${c.b} both touch ${c.files.join(', ')}`));
    layer.append(line);
  }
  return layer;
}

/** Draws the PRs into the given <svg>; the layout is recomputed only when PRs or dependencies change. */
export function renderGraph(svg, prs) {
  const key = prs.map(p => p.id + ':' + (p.dependencies ?? []).join(',')).join(';');
  if (key !== cachedKey) { cachedLayout = layoutDag(prs); cachedKey = key; }
  const layout = cachedLayout;
  const at = new Map(layout.nodes.map(nd => [nd.id, nd]));
  const byId = new Map(prs.map(p => [p.id, p]));
  if (svg.__layout === layout) { // same PRs and dependencies: restyle nodes, redraw conflicts only
    for (const g of svg.querySelectorAll('g.node')) drawNodeState(g, byId.get(g.dataset.pr));
    svg.querySelector('g.conflicts').replaceWith(conflictLayer(prs, at));
    return;
  }
  svg.__layout = layout;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`);
  svg.setAttribute('width', String(Math.max(layout.width, 1)));
  svg.setAttribute('height', String(Math.max(layout.height, 1)));
  svg.append(el('defs', {}, el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
  const edgeLayer = el('g', { class: 'edges' });
  for (const e of layout.edges) {
    const a = at.get(e.from), b = at.get(e.to);
    const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
    const d = e.back
      ? `M${a.x + NODE_W / 2},${a.y} C${a.x + NODE_W / 2},${a.y - 40} ${b.x + NODE_W / 2},${b.y - 40} ${b.x + NODE_W / 2},${b.y}`
      : `M${x1},${y1} C${x1 + COL_GAP / 2},${y1} ${x2 - COL_GAP / 2},${y2} ${x2},${y2}`;
    const path = el('path', { class: e.back ? 'edge back' : 'edge', d, 'data-from': e.from, 'data-to': e.to, 'marker-end': 'url(#arrow)' });
    path.append(el('title', {}, `${e.to} depends on ${e.from}${e.back ? ' (cycle)' : ''}`));
    edgeLayer.append(path);
  }
  svg.append(edgeLayer);
  svg.append(conflictLayer(prs, at));
  const nodeLayer = el('g', { class: 'nodes' });
  for (const nd of layout.nodes) {
    const g = el('g', { 'data-pr': nd.id, transform: `translate(${nd.x},${nd.y})` });
    g.append(el('rect', { width: NODE_W, height: NODE_H, rx: 6 }));
    g.append(el('text', { x: 8, y: 16, class: 'node-id' }, nd.id));
    g.append(el('text', { x: 8, y: 32, class: 'node-state' }));
    g.append(el('title'));
    drawNodeState(g, byId.get(nd.id));
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);
  if (layout.nodes.length === 0) {
    svg.setAttribute('viewBox', '0 0 240 40');
    svg.setAttribute('width', '240');
    svg.setAttribute('height', '40');
    svg.append(el('text', { x: PAD, y: 25, class: 'empty' }, 'No PRs yet.'));
  }
  svg.setAttribute('aria-label', `Dependency graph: ${layout.nodes.length} PRs, ${layout.edges.length} dependencies`);
}
