/**
 * The Durable Functions HTTP management API as a source for the gate (provider-agnostic: works
 * whatever storage backend the app uses). docs: "HTTP API reference" of Durable Functions;
 * quirks in ../shared/docs/durable-protocol.md §7:
 * - paging by the x-ms-continuation-token response header, sent back as a request header;
 *   pages can be empty and still carry a token;
 * - statuses the extension cannot parse are dropped, and if none parse no filter is applied:
 *   the statuses are always checked again here;
 * - durable entities are listed too (ids starting with '@'): left out here.
 * Its history (showHistory) is lossy, so `record` refuses this source.
 */
import { DurableGateError, UsageError } from '../../harness/errors.js';
import { retryAfter, send, tlsProblem, type HttpResponse } from '../http.js';
import type { InFlightSource, InstanceQuery, InstanceSummary } from './azure-tables.js';

export interface HttpApiOptions {
  /** The app's base URL (https://<app>.azurewebsites.net), or the full .../runtime/webhooks/durabletask. */
  endpoint: string;
  /** The durabletask_extension system key. */
  systemKey: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  retries?: number;
  /** Base of the exponential backoff, when the service gives no Retry-After. */
  retryDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class HttpApiError extends DurableGateError {
  override readonly name = 'HttpApiError';
}

interface RawInstance {
  name?: string;
  instanceId?: string;
  runtimeStatus?: string;
  createdTime?: string;
  lastUpdatedTime?: string;
}

export class HttpApiSource implements InFlightSource {
  private readonly base: URL;

  constructor(private readonly options: HttpApiOptions) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new UsageError(`Invalid --http-endpoint '${options.endpoint}'. Expected the app's URL, e.g. https://my-app.azurewebsites.net.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`Invalid --http-endpoint '${options.endpoint}'. Expected an http(s) URL.`);
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = /\/runtime\/webhooks\/durabletask$/i.test(path) ? path : `${path}/runtime/webhooks/durabletask`;
    url.search = '';
    this.base = url;
  }

  get describe(): string {
    return `the Durable Functions HTTP API at ${this.base.origin}`;
  }

  async *instances(query: InstanceQuery): AsyncGenerator<InstanceSummary> {
    const names = query.names?.map((n) => n.toLowerCase());
    let token: string | undefined;
    do {
      const url = new URL(`${this.base.pathname}/instances`, this.base);
      url.searchParams.set('runtimeStatus', query.statuses.join(','));
      url.searchParams.set('top', String(query.pageSize ?? 500));
      url.searchParams.set('showInput', 'false');
      if (query.createdAfter) url.searchParams.set('createdTimeFrom', query.createdAfter.toISOString());
      const { body, headers } = await this.get(url, token ? { 'x-ms-continuation-token': token } : {});
      let page: RawInstance[];
      try {
        page = JSON.parse(body) as RawInstance[];
      } catch {
        throw new HttpApiError(`${this.describe}: the instances list is not JSON. Is --http-endpoint the function app's URL?`);
      }
      if (!Array.isArray(page)) throw new HttpApiError(`${this.describe}: the instances list is not an array. Is --http-endpoint the function app's URL?`);
      for (const raw of page) {
        const id = raw.instanceId ?? '';
        const status = raw.runtimeStatus ?? '';
        if (id.startsWith('@')) continue;
        if (!query.statuses.includes(status)) continue;
        if (names && !names.includes((raw.name ?? '').toLowerCase())) continue;
        if (query.instanceIds && !query.instanceIds.includes(id)) continue;
        yield {
          instanceId: id,
          name: raw.name ?? '',
          runtimeStatus: status,
          ...(raw.createdTime ? { createdTime: raw.createdTime } : {}),
          ...(raw.lastUpdatedTime ? { lastUpdatedTime: raw.lastUpdatedTime } : {}),
        };
      }
      const next = headers['x-ms-continuation-token'];
      token = typeof next === 'string' && next !== '' && next !== 'null' ? next : undefined;
    } while (token);
  }

  /** One GET with retries on 429, 5xx, resets and timeouts; Retry-After is honoured. */
  private async get(url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    const retries = this.options.retries ?? 6;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      let status = 0;
      let retryAfterMs: number | undefined;
      let failure: string;
      try {
        const response = await send(url, {
          headers: { accept: 'application/json', 'x-functions-key': this.options.systemKey, ...headers },
          ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
          ...(this.options.ca ? { ca: this.options.ca } : {}),
        });
        status = response.status;
        if (status >= 200 && status < 300) return response;
        retryAfterMs = retryAfter(response.headers['retry-after']);
        failure = `HTTP ${status}${response.body ? `: ${response.body.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`;
        if (status === 401 || status === 403) throw new HttpApiError(`${this.describe}: the system key was refused (HTTP ${status}). Use the durabletask_extension system key (az functionapp keys list ... --query systemKeys.durabletask_extension).`);
        if (status === 404) throw new HttpApiError(`${this.describe}: not found (HTTP 404). Is --http-endpoint the function app's URL, and is the app running?`);
        if (status !== 429 && status < 500) throw new HttpApiError(`${this.describe}: ${failure}`);
      } catch (error) {
        if (error instanceof HttpApiError) throw error;
        const tls = tlsProblem(error);
        if (tls) throw new HttpApiError(`${this.describe}: ${tls}`);
        failure = (error as NodeJS.ErrnoException).code || (error as Error).message;
      }
      if (attempt >= retries) throw new HttpApiError(`${this.describe}: ${failure} (after ${retries + 1} attempts).`);
      const backoff = Math.min(30_000, (this.options.retryDelayMs ?? 1000) * 2 ** attempt);
      await sleep(retryAfterMs ?? backoff);
    }
  }
}
