/**
 * Where a worker thread's compiled script is. Under a TypeScript runner (the tests) the calling
 * module is src/…/x.ts and its worker is the compiled dist/src/…/worker.js; built, it sits beside
 * the caller. Undefined when it does not exist (not built yet): callers then work in-process.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function compiledWorker(callerUrl: string, script: string): string | undefined {
  const caller = fileURLToPath(callerUrl);
  const dir = dirname(caller);
  // The last "src" folder on the path is the package's (the checkout itself may sit under a "src").
  const at = Math.max(dir.lastIndexOf('/src/'), dir.lastIndexOf('\\src\\'), dir.endsWith('/src') || dir.endsWith('\\src') ? dir.length - 4 : -1);
  const file = caller.endsWith('.ts') && at >= 0 ? join(dir.slice(0, at), 'dist', dir.slice(at + 1), script) : join(dir, script);
  return existsSync(file) ? file : undefined;
}
