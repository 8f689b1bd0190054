import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compiledWorker } from '../src/worker-script.js';

/** A temporary checkout under `parent` (made inside a fresh temp dir) with the given files. */
function checkout(parent: string, files: string[]): string {
  const root = join(mkdtempSync(join(tmpdir(), 'newskg-worker-')), parent);
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  return root;
}
const url = (path: string) => pathToFileURL(path).href;

describe('compiledWorker', () => {
  test('a .ts caller in src/ maps to the compiled script under dist/src/', () => {
    const root = checkout('pkg', ['src/pipeline/pool.ts', 'dist/src/pipeline/article-worker.js']);
    expect(compiledWorker(url(join(root, 'src', 'pipeline', 'pool.ts')), 'article-worker.js')).toBe(join(root, 'dist', 'src', 'pipeline', 'article-worker.js'));
  });

  test('a .ts caller directly in src/ maps to dist/src/', () => {
    const root = checkout('pkg', ['src/index.ts', 'dist/src/w.js']);
    expect(compiledWorker(url(join(root, 'src', 'index.ts')), 'w.js')).toBe(join(root, 'dist', 'src', 'w.js'));
  });

  test('undefined when the compiled script does not exist (not built yet)', () => {
    const root = checkout('pkg', ['src/graph/layout.ts', 'dist/src/graph/other.js']);
    expect(compiledWorker(url(join(root, 'src', 'graph', 'layout.ts')), 'layout-worker.js')).toBeUndefined();
    // The .ts source beside the caller does not count for a .ts caller.
    const src = checkout('pkg', ['src/graph/layout.ts', 'src/graph/layout-worker.js']);
    expect(compiledWorker(url(join(src, 'src', 'graph', 'layout.ts')), 'layout-worker.js')).toBeUndefined();
  });

  test('a compiled caller finds its worker beside itself', () => {
    const root = checkout('pkg', ['dist/src/server/sparql.js', 'dist/src/server/sparql-worker.js']);
    expect(compiledWorker(url(join(root, 'dist', 'src', 'server', 'sparql.js')), 'sparql-worker.js')).toBe(join(root, 'dist', 'src', 'server', 'sparql-worker.js'));
    expect(compiledWorker(url(join(root, 'dist', 'src', 'server', 'sparql.js')), 'missing-worker.js')).toBeUndefined();
  });

  test('a checkout under a folder itself named "src" uses the package\'s own src/', () => {
    const root = checkout(join('src', 'pkg'), ['src/pipeline/pool.ts', 'src/index.ts', 'dist/src/pipeline/article-worker.js', 'dist/src/w.js']);
    expect(compiledWorker(url(join(root, 'src', 'pipeline', 'pool.ts')), 'article-worker.js')).toBe(join(root, 'dist', 'src', 'pipeline', 'article-worker.js'));
    expect(compiledWorker(url(join(root, 'src', 'index.ts')), 'w.js')).toBe(join(root, 'dist', 'src', 'w.js'));
  });
});
