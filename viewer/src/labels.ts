/**
 * Labels without overlap. Sigma's label grid picks the larger nodes' labels cell by cell, but two
 * labels from neighbouring cells can still cover each other: this drawer skips a label whose box
 * meets one already drawn in the frame. Sigma draws the grid's picks first and larger first within
 * a cell, so the more important name wins; forced labels (a path, an exploration's root) always draw.
 */
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Renderer } from './graph.js';

type DrawLabel = typeof drawDiscNodeLabel;
type Box = [x0: number, y0: number, x1: number, y1: number];

export function nonOverlappingLabels(): { draw: DrawLabel; attach: (renderer: Renderer) => void } {
  let drawn: Box[] = [];
  const draw: DrawLabel = (context, data, settings) => {
    if (!data.label) return;
    const fontSize = settings.labelSize;
    context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
    const x0 = data.x + data.size + 1;
    const box: Box = [x0, data.y - fontSize / 2 - 1, x0 + context.measureText(data.label).width + 4, data.y + fontSize / 2 + 1];
    const overlaps = drawn.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
    if (overlaps && !(data as { forceLabel?: boolean }).forceLabel) return;
    drawn.push(box);
    drawDiscNodeLabel(context, data, settings);
  };
  // Each frame starts with no labels drawn.
  const attach = (renderer: Renderer) => renderer.on('beforeRender', () => (drawn = []));
  return { draw, attach };
}
