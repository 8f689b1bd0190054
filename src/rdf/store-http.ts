/**
 * HTTP to an RDF store (a SPARQL 1.1 endpoint, a Graph Store Protocol endpoint): credentials by
 * Digest or Basic authentication (digest-fetch answers whichever challenge the store sends), and
 * retries of what may pass (a refused or dropped connection, 429, 5xx) with growing waits. An
 * error names the store and the reason in one line.
 */
import { DigestClient } from 'digest-fetch';
import { NewskgError } from '../errors.js';

export interface StoreCredentials {
  user?: string;
  password?: string;
}

export interface StoreRequestOptions {
  /** Attempts after the first for a failure that may pass (default 3). */
  retries?: number;
  /** Wait before the first retry, doubled each time (default 500 ms). */
  retryDelayMs?: number;
  /** Called before each retry. */
  onRetry?: (attempt: number, reason: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAY_PASS = new Set([408, 429, 500, 502, 503, 504]);

/** A client for one store: each call sends one request (answering an authentication challenge itself). */
export class StoreClient {
  private readonly digest?: DigestClient;
  private readonly basic?: string;
  /** Set once the store has asked for Basic authentication: every later request carries it. */
  private useBasic = false;

  constructor(
    readonly url: string,
    credentials: StoreCredentials = {},
    private readonly options: StoreRequestOptions = {},
  ) {
    if (credentials.user !== undefined) {
      this.digest = new DigestClient(credentials.user, credentials.password ?? '');
      this.basic = `Basic ${Buffer.from(`${credentials.user}:${credentials.password ?? ''}`).toString('base64')}`;
    }
  }

  /** One round: Basic if the store asked for it, else through the Digest client (which answers a Digest challenge itself). */
  private async send(url: string, init: RequestInit): Promise<Response> {
    if (!this.digest) return fetch(url, init);
    const withBasic = () => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: this.basic! } });
    if (this.useBasic) return withBasic();
    const res = await this.digest.fetch(url, init);
    if (res.status === 401 && /^\s*basic\b/i.test(res.headers.get('www-authenticate') ?? '')) {
      this.useBasic = true;
      return withBasic();
    }
    return res;
  }

  /** Sends a request to `url` (this store's, or one under it); the response when it is 2xx, else a NewskgError. */
  async request(url: string, init: RequestInit): Promise<Response> {
    const retries = this.options.retries ?? 3;
    let wait = this.options.retryDelayMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      let reason: string;
      try {
        const res = await this.send(url, init);
        if (res.ok) return res;
        const body = (await res.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
        if (res.status === 401 || res.status === 403) throw new NewskgError('store', `${this.url}: the store refused the credentials (HTTP ${res.status})${this.digest ? '' : '; give --user and --password'}`);
        reason = `HTTP ${res.status}${body ? `: ${body}` : ''}`;
        if (!MAY_PASS.has(res.status)) throw new NewskgError('store', `${this.url}: ${reason}`);
      } catch (err) {
        if (err instanceof NewskgError) throw err;
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        reason = cause?.code ?? cause?.message ?? (err as Error).message;
      }
      if (attempt >= retries) throw new NewskgError('store', `${this.url}: cannot reach the store (${reason}) after ${attempt + 1} attempts`);
      this.options.onRetry?.(attempt + 1, reason);
      await sleep(wait);
      wait *= 2;
    }
  }
}
