/**
 * The map: entities with coordinates (the gazetteer's places) as dots on a world map, in step with
 * the graph. A dot takes its node's display data from sigma, so whatever hides or fades a node in
 * the graph (classes, articles, dates, exploration, selection) hides or fades its dot. The country
 * outlines are world-atlas's, bundled by vite: nothing is fetched from another host. One canvas
 * rather than SVG, so thousands of dots redraw in a few milliseconds.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { byId } from './dom.js';
import type { Graph, Renderer } from './graph.js';
import { FADED } from './reducers.js';
import type { Select } from './selection.js';
import { state } from './state.js';

/** A dot drawn, in page coordinates (what the tests click), in drawing order: the last is on top. */
export interface MapDot {
  node: string;
  x: number;
  y: number;
  r: number;
}

export interface MapView {
  /** Redraws the map from the state and sigma's display data; next to nothing while it is closed. */
  render: () => void;
  dots: () => MapDot[];
}

interface Drawn extends MapDot {
  color: string;
}

const SPHERE = { type: 'Sphere' } as const;
const LAND = feature(countries, countries.objects.countries);
// Borders between countries only: coastlines come from the land's own edge.
const BORDERS = mesh(countries, countries.objects.countries, (a, b) => a !== b);
const FADED_DOT = 'rgb(120 128 136 / 0.6)';

/** Log of the articles, capped: an entity in hundreds of articles must not cover a continent. */
const radius = (articles: number) => Math.min(9, 2.5 + 1.3 * Math.log(Math.max(1, articles)));

/** The outlines, drawn once per canvas size onto a canvas of their own that each redraw copies. */
function drawOutlines(project: ReturnType<typeof geoEqualEarth>, w: number, h: number, dpr: number): HTMLCanvasElement {
  const base = document.createElement('canvas');
  base.width = Math.round(w * dpr);
  base.height = Math.round(h * dpr);
  const ctx = base.getContext('2d')!;
  ctx.scale(dpr, dpr);
  const path = geoPath(project, ctx);
  const shape = (object: Parameters<typeof path>[0], fill: string | null, stroke: string | null, width = 1) => {
    ctx.beginPath();
    path(object);
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fill();
    }
    if (stroke) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.stroke();
    }
  };
  shape(SPHERE, '#f1f7fc', null);
  shape(LAND, '#dde2e6', '#b6bec6', 0.5);
  shape(BORDERS, null, '#ffffff', 0.6);
  shape(SPHERE, null, '#ced4da');
  return base;
}

/** Dots in order, the selected one (drawn last) ringed; `focused`: some are faded, so the rest get a dark edge to stand out. */
function drawDots(ctx: CanvasRenderingContext2D, dots: Drawn[], selected: string | null, focused: boolean): void {
  for (const dot of dots) {
    const faded = dot.color === FADED && dot.node !== selected;
    ctx.beginPath();
    ctx.arc(dot.x, dot.y, faded ? Math.max(1.8, dot.r * 0.7) : dot.r, 0, 2 * Math.PI);
    ctx.fillStyle = faded ? FADED_DOT : dot.color;
    ctx.fill();
    if (faded) continue;
    ctx.lineWidth = 1;
    ctx.strokeStyle = focused ? '#343a40' : '#ffffff';
    ctx.stroke();
  }
  const last = dots[dots.length - 1];
  if (!selected || last?.node !== selected) return;
  // White inside black: readable on land and sea alike.
  for (const [width, colour] of [[4, '#ffffff'], [2, '#212529']] as const) {
    ctx.beginPath();
    ctx.arc(last.x, last.y, last.r + 4, 0, 2 * Math.PI);
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}

export function setupMap(graph: Graph, renderer: Renderer, select: Select, onChange: () => void): MapView {
  const panel = byId('map');
  const canvas = byId<HTMLCanvasElement>('map-canvas');
  const tip = byId('map-tip');
  const toggle = byId('map-toggle');
  const caption = byId('map-caption');
  const ctx = canvas.getContext('2d')!;
  const placed = graph.filterNodes((_n, a) => Number.isFinite(a.lat) && Number.isFinite(a.lon));
  // Projection, outlines and dot positions depend on the canvas size alone, not on the state.
  let size = '';
  let outlines: HTMLCanvasElement | null = null;
  let at = new Map<string, [number, number]>();
  let drawn: Drawn[] = [];

  function fit(w: number, h: number, dpr: number): void {
    const project = geoEqualEarth().fitExtent([[4, 4], [w - 4, h - 4]], SPHERE);
    outlines = drawOutlines(project, w, h, dpr);
    // Equal Earth projects every point; the fallback (off the canvas) only satisfies the types.
    at = new Map(placed.map((n) => [n, project([graph.getNodeAttribute(n, 'lon')!, graph.getNodeAttribute(n, 'lat')!]) ?? [-99, -99]]));
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }

  /** The dots to draw, bottom first: faded ones, then the rest (small over large), the selected one last. */
  function dotsToDraw(): { dots: Drawn[]; faded: number; bright: number } {
    const faded: Drawn[] = [];
    const bright: Drawn[] = [];
    let selected: Drawn | null = null;
    for (const node of placed) {
      const d = renderer.getNodeDisplayData(node);
      if (!d || d.hidden) continue;
      const [x, y] = at.get(node)!;
      const dot = { node, x, y, r: radius(graph.getNodeAttribute(node, 'articles')), color: d.color };
      if (node === state.selected) selected = dot;
      else (d.color === FADED ? faded : bright).push(dot);
    }
    bright.sort((a, b) => b.r - a.r);
    return { dots: [...faded, ...bright, ...(selected ? [selected] : [])], faded: faded.length, bright: bright.length };
  }

  function render(): void {
    toggle.setAttribute('aria-pressed', String(state.map));
    panel.hidden = !state.map;
    if (!state.map) {
      drawn = [];
      tip.hidden = true;
      return;
    }
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (`${w}x${h}@${dpr}` !== size) {
      size = `${w}x${h}@${dpr}`;
      fit(w, h, dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(outlines!, 0, 0, w, h);
    const { dots, faded: fadedCount, bright } = dotsToDraw();
    drawDots(ctx, dots, state.selected, fadedCount > 0);
    drawn = dots;
    const sel = state.selected;
    const where = sel && !at.has(sel) ? ` (${bright} linked to ${graph.getNodeAttribute(sel, 'label')})` : '';
    caption.textContent = `${dots.length} ${dots.length === 1 ? 'place' : 'places'}${where}`;
  }

  /** The topmost dot under the pointer, with a few pixels of slack for the small ones. */
  const hit = (e: MouseEvent): Drawn | null => {
    const box = canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    for (let i = drawn.length - 1; i >= 0; i--) {
      const d = drawn[i];
      if ((d.x - x) ** 2 + (d.y - y) ** 2 <= (d.r + 3) ** 2) return d;
    }
    return null;
  };
  canvas.addEventListener('mousemove', (e) => {
    const d = hit(e);
    canvas.style.cursor = d ? 'pointer' : '';
    tip.hidden = !d;
    if (!d) return;
    // Labels come from the articles: text only.
    tip.textContent = graph.getNodeAttribute(d.node, 'label');
    tip.style.left = `${d.x}px`;
    tip.style.top = `${d.y - d.r}px`;
  });
  canvas.addEventListener('mouseleave', () => (tip.hidden = true));
  // As a click in the graph does, plus the camera: the node may be anywhere in the graph.
  canvas.addEventListener('click', (e) => {
    const d = hit(e);
    if (d) void select(d.node, true);
  });
  const open = (on: boolean) => {
    state.map = on;
    onChange();
  };
  toggle.addEventListener('click', () => open(!state.map));
  byId('map-close').addEventListener('click', () => open(false));
  window.addEventListener('resize', render);

  const dots = (): MapDot[] => {
    const box = canvas.getBoundingClientRect();
    return drawn.map((d) => ({ node: d.node, x: box.left + window.scrollX + d.x, y: box.top + window.scrollY + d.y, r: d.r }));
  };
  return { render, dots };
}
