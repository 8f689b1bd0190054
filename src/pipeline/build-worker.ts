/** Worker thread of a bounded build (see buildBounded): runs build() and posts its progress and summary. */
import { parentPort, workerData } from 'node:worker_threads';
import { build, type BuildOptions } from './build.js';
import { summarise, type BoundedMessage } from './bounded-build.js';

const post = (m: BoundedMessage) => parentPort!.postMessage(m);
const opts = workerData as Omit<BuildOptions, 'onStart' | 'onArticle' | 'onPhase'>;
build({
  ...opts,
  onStart: (total) => post({ type: 'start', total }),
  onArticle: (done, origin) => post({ type: 'article', done, origin }),
  onPhase: (phase) => post({ type: 'phase', phase }),
}).then(
  (result) => post({ type: 'done', summary: summarise(result) }),
  (err: unknown) => post({ type: 'error', name: (err as Error)?.name ?? 'Error', message: (err as Error)?.message ?? String(err) }),
);
