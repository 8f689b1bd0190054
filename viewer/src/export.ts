/** The Export PNG button: the current view as an image. */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { byId } from './dom.js';
import type { Renderer } from './graph.js';

export function setupExport(renderer: Renderer): void {
  byId('export').addEventListener('click', () => void downloadAsPNG(renderer as unknown as Sigma, { fileName: 'newskg-graph', backgroundColor: '#ffffff' }));
}
