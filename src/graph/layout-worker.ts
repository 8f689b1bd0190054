/** Worker thread that lays out one graph and posts its positions back. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeLayout, type LayoutInput } from './layout.js';

const positions = computeLayout(workerData as LayoutInput);
parentPort!.postMessage(positions, [positions.buffer as ArrayBuffer]);
