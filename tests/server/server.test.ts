/** `newskg serve`: routes, 404s, path traversal, binding, a taken port. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type RunningServer } from '../../src/server/index.js';

const root = new URL('../../', import.meta.url).pathname;
let running: RunningServer;
let port: number;

/** A raw GET, so that the path reaches the server exactly as written (no URL normalisation). */
function get(path: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newskg-serve-'));
  const graph = {
    attributes: { articles: { a1: { title: 'T', published: '2021-01-01' } } },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: [
      { key: 'https://x.org/place/a', attributes: { label: 'A', class: 'Country', category: 'place', aliases: [], handles: [], mentionCount: 1, articles: 1, x: 0, y: 0, size: 3 } },
      { key: 'https://x.org/place/b', attributes: { label: 'B', class: 'Country', category: 'place', aliases: [], handles: [], mentionCount: 1, articles: 1, x: 1, y: 1, size: 3 } },
    ],
    edges: [{ key: 'e0', source: 'https://x.org/place/a', target: 'https://x.org/place/b', attributes: { predicate: 'warned', family: 'warn', weak: false, confidence: 0.7, evidenceCount: 1, evidence: [{ articleId: 'a1', sentence: 'A warned B.', sentenceStart: 0, start: 0, end: 10 }] } }],
  };
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  running = await serve({ dir, port: 0 });
  port = Number(new URL(running.url).port);
});
afterAll(() => running.close());

describe('newskg serve', () => {
  test('binds to 127.0.0.1 by default', () => {
    expect(running.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the viewer, the graph, and one entity with its relations, evidence and article', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="graph"');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(JSON.parse((await get('/api/graph')).body).nodes).toHaveLength(2);
    const entity = JSON.parse((await get(`/api/entity?id=${encodeURIComponent('https://x.org/place/a')}`)).body);
    expect(entity.relations[0]).toMatchObject({ predicate: 'warned', direction: 'out', other: { label: 'B' } });
    expect(entity.relations[0].evidence[0]).toMatchObject({ sentence: 'A warned B.', article: { id: 'a1', title: 'T' } });
  });

  test.each(['/nowhere', '/api/nothing', '/api/entity?id=none', '/graph.json', '/secret.txt'])('%s is 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  test.each(['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/assets/../../package.json', '//etc/passwd', '/..\\package.json', '/%252e%252e/package.json'])('refuses %s (outside its root)', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"name": "newskg"');
    expect(res.body).not.toContain('root:');
  });

  test('a malformed request target is a 400, and the server goes on', async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET http://[x/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect((await get('/api/graph')).status).toBe(200);
  });

  test('answers only to localhost names (no DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/graph', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(421);
  });

  test('is read-only', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/graph', method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
      req.end('x');
    });
    expect(status).toBe(405);
  });

  test('a taken port, or a folder with no graph, is a clear one-line error', async () => {
    await expect(serve({ dir: join(root, 'tests', 'fixtures'), port: 0 })).rejects.toThrow(/graph\.json does not exist: build first/);
    const dir = mkdtempSync(join(tmpdir(), 'newskg-serve-'));
    writeFileSync(join(dir, 'graph.json'), '{"nodes":[],"edges":[]}');
    await expect(serve({ dir, port })).rejects.toThrow(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
  });
});
