/**
 * Where the camera goes: nodes framed in the part of the graph the details panel leaves in view.
 * The panel covers the right of the graph and the legend its top left; framing for the whole
 * canvas would put half of what an exploration shows under them.
 */
import { byId } from './dom.js';
import type { Renderer } from './graph.js';
import { state } from './state.js';

/** Width in pixels the details panel covers when open (CSS: min(30rem, 100%)), 0 when it leaves nothing beside it. */
function panelCover(width: number): number {
  if (!state.selected) return 0;
  const panel = byId('panel');
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const cover = panel.hidden ? Math.min(30 * rem, width) : panel.offsetWidth;
  // A narrow window's panel is the whole width: there is no room beside it to frame anything in.
  return cover > width * 0.75 ? 0 : cover;
}

export interface FrameOptions {
  /** The closest the camera may come (a smaller ratio is closer); one node alone is framed at this. */
  minRatio?: number;
  maxRatio?: number;
}

/** Animates the camera to frame these nodes in the visible part of the graph. */
export function frameNodes(renderer: Renderer, nodes: Iterable<string>, { minRatio = 0.08, maxRatio = 1.2 }: FrameOptions = {}): void {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const d = renderer.getNodeDisplayData(n);
    if (!d) continue;
    [minX, minY, maxX, maxY] = [Math.min(minX, d.x), Math.min(minY, d.y), Math.max(maxX, d.x), Math.max(maxY, d.y)];
  }
  if (!Number.isFinite(minX)) return;
  const { width, height } = renderer.getDimensions();
  const right = width - panelCover(width);
  const legend = byId('legend');
  const legendCover = legend.hidden ? 0 : legend.offsetLeft + legend.offsetWidth;
  // The legend is given up when keeping clear of it would leave too narrow a strip.
  const left = right - legendCover > 0.4 * width ? legendCover : 0;
  const visible = right - left;
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  // The box's size in pixels at ratio 1 scales as 1/ratio: pick the ratio that fits it in 75% of the visible part.
  const at1 = { ...centre, ratio: 1, angle: 0 };
  const a = renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: at1 });
  const b = renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: at1 });
  const fit = Math.max(Math.abs(b.x - a.x) / (0.75 * visible), Math.abs(b.y - a.y) / (0.75 * height));
  const ratio = Math.min(maxRatio, Math.max(minRatio, fit));
  // The box's centre should land mid-way across what is visible, at x = (left + right) / 2: so the
  // camera goes to what sits as far on the other side of the canvas's middle, seen from the centre.
  const target = renderer.viewportToFramedGraph({ x: width - (left + right) / 2, y: height / 2 }, { cameraState: { ...centre, ratio, angle: 0 } });
  void renderer.getCamera().animate({ x: target.x, y: target.y, ratio }, { duration: 400 });
}
