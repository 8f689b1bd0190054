/** StoreClient against a small local server: retries what may pass, stops at what will not, and answers Basic and Digest challenges. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StoreClient } from '../../src/rdf/store-http.js';

let url = '';
let failuresLeft = 0;
const seen: string[] = [];
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const auth = req.headers.authorization ?? '';
  seen.push(`${req.method} ${req.url} ${auth.split(' ')[0]}`);
  if (req.url === '/flaky') {
    if (failuresLeft-- > 0) return res.writeHead(503).end('busy');
    return res.writeHead(200).end('ok');
  }
  if (req.url === '/bad') return res.writeHead(400).end('Bad query');
  if (req.url === '/basic') {
    if (auth !== `Basic ${Buffer.from('dba:dba').toString('base64')}`) return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
    return res.writeHead(200).end('in');
  }
  if (req.url === '/digest') {
    const nonce = 'n0nce';
    const fields = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]+)"?/g)].map((m) => [m[1], m[2]]));
    const ha1 = md5(`dba:store:dba`);
    const ha2 = md5(`${req.method}:${fields.uri}`);
    const ok = auth.startsWith('Digest ') && fields.response === md5(`${ha1}:${nonce}:${fields.nc}:${fields.cnonce}:${fields.qop}:${ha2}`);
    if (!ok) return res.writeHead(401, { 'WWW-Authenticate': `Digest realm="store", nonce="${nonce}", qop="auth", algorithm="MD5"` }).end();
    return res.writeHead(200).end('in');
  }
  res.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('StoreClient', () => {
  test('retries 503 with growing waits, and succeeds when the store recovers', async () => {
    failuresLeft = 2;
    const retries: string[] = [];
    const client = new StoreClient(url, {}, { retryDelayMs: 5, onRetry: (n, reason) => retries.push(`${n} ${reason}`) });
    expect(await (await client.request(`${url}/flaky`, { method: 'GET' })).text()).toBe('ok');
    expect(retries).toEqual(['1 HTTP 503: busy', '2 HTTP 503: busy']);
  });

  test('gives up after the retries, in one line naming the store', async () => {
    failuresLeft = 10;
    const client = new StoreClient(url, {}, { retries: 2, retryDelayMs: 1 });
    await expect(client.request(`${url}/flaky`, { method: 'GET' })).rejects.toThrow(new RegExp(`^newskg/store: ${url}: cannot reach the store \\(HTTP 503: busy\\) after 3 attempts$`));
  });

  test('does not retry a request the store rejects, and says what it said', async () => {
    const retries: number[] = [];
    const client = new StoreClient(url, {}, { retryDelayMs: 1, onRetry: (n) => retries.push(n) });
    await expect(client.request(`${url}/bad`, { method: 'POST' })).rejects.toThrow(`${url}: HTTP 400: Bad query`);
    expect(retries).toEqual([]);
  });

  test('answers a Basic or a Digest challenge; without credentials, or with wrong ones, says so', async () => {
    for (const path of ['/basic', '/digest']) {
      expect(await (await new StoreClient(url, { user: 'dba', password: 'dba' }).request(`${url}${path}`, { method: 'PUT', body: 'x' })).text()).toBe('in');
      await expect(new StoreClient(url).request(`${url}${path}`, { method: 'PUT' })).rejects.toThrow(/refused the credentials \(HTTP 401\); give --user and --password$/);
      await expect(new StoreClient(url, { user: 'dba', password: 'nope' }).request(`${url}${path}`, { method: 'PUT' })).rejects.toThrow(/refused the credentials \(HTTP 401\)$/);
    }
  });

  test('a store that is not there is ECONNREFUSED, after the retries', async () => {
    // A port nothing listens on: one just given up.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = new StoreClient(`http://127.0.0.1:${port}`, {}, { retries: 1, retryDelayMs: 1 });
    await expect(client.request(`http://127.0.0.1:${port}/x`, { method: 'GET' })).rejects.toThrow(/cannot reach the store \(ECONNREFUSED\) after 2 attempts/);
  });
});
