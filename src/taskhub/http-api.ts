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
import { brandedError, DurableGateError, UsageError } from '../../harness/errors.js';
import { stopReason } from '../../harness/app/host.js';
import { printable } from '../../harness/report/text.js';
import { describeBody, type HttpResponse } from '../http.js';
import { anySignal, HttpClient, HttpFailure, retryableStatus, type Clock } from '../http/client.js';
import { ALL_STATUSES } from './azure-tables.js';
import type { InFlightSource, InstanceQuery, InstanceSummary } from './azure-tables.js';
import { option } from '../option-names.js';

export interface HttpApiOptions {
  /** The app's base URL (https://<app>.azurewebsites.net), or the full .../runtime/webhooks/durabletask. */
  endpoint: string;
  /** The durabletask_extension system key. */
  systemKey: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /** Retries of 408, 429, 5xx and failed exchanges per page (default 6; the policy is in ../http/client.ts). */
  retries?: number;
  /** Base of the exponential backoff, when the service gives no Retry-After. */
  retryDelayMs?: number;
  /** The deadline of one request, body included (default 30 s). */
  timeoutMs?: number;
  /** How long one page may take with its retries, in total (default 2 minutes). */
  retryBudgetMs?: number;
  /** Ends every request and wait at once (a cancel, the gate's deadline). */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock the retry budget and Retry-After dates are counted on (default: the system's). */
  clock?: Clock;
}

export const HttpApiError = brandedError('HttpApiError', class extends DurableGateError {});
export type HttpApiError = InstanceType<typeof HttpApiError>;

/** A listing longer than this is not a task hub's in-flight list but a service going round in circles. */
const MAX_PAGES = 10_000;

export class HttpApiSource implements InFlightSource {
  private readonly base: URL;
  /** Every request to the API, with the one retry policy (../http/client.ts). */
  private readonly http: HttpClient;

  constructor(private readonly options: HttpApiOptions) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new UsageError(`Invalid ${option('http-endpoint')} '${options.endpoint}'. Expected the app's URL, e.g. https://my-app.azurewebsites.net.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new UsageError(`Invalid ${option('http-endpoint')} '${options.endpoint}'. Expected an http(s) URL.`);
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = /\/runtime\/webhooks\/durabletask$/i.test(path) ? path : `${path}/runtime/webhooks/durabletask`;
    url.search = '';
    this.base = url;
    const { ca, timeoutMs, retries, retryDelayMs: baseDelayMs, retryBudgetMs: budgetMs, clock, sleep } = options;
    this.http = new HttpClient({ ca, timeoutMs, retry: { retries, baseDelayMs, budgetMs }, clock, sleep });
  }

  get describe(): string {
    return `the Durable Functions HTTP API at ${this.base.origin}`;
  }

  /**
   * Every instance the query selects, page by page. Each answer is checked before it counts (status,
   * JSON content type, a list of instances, a usable continuation token): an answer that is not
   * the API's is an error, so the gate fails closed rather than read it as "nothing in flight".
   */
  async *instances(query: InstanceQuery & { signal?: AbortSignal }): AsyncGenerator<InstanceSummary> {
    const signal = anySignal(this.options.signal, query.signal);
    const names = query.names?.map((n) => n.toLowerCase());
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      if (++pages > MAX_PAGES)
        throw new HttpApiError(
          `${this.describe}: more than ${MAX_PAGES} pages of instances, each with a continuation token: stopped reading. Is ${option('http-endpoint')} the function app's URL?`,
        );
      const url = new URL(`${this.base.pathname}/instances`, this.base);
      url.searchParams.set('runtimeStatus', query.statuses.join(','));
      url.searchParams.set('top', String(query.pageSize ?? 500));
      url.searchParams.set('showInput', 'false');
      if (query.createdAfter) url.searchParams.set('createdTimeFrom', query.createdAfter.toISOString());
      const response = await this.get(url, token ? { 'x-ms-continuation-token': token } : {}, signal);
      for (const raw of this.page(response)) {
        const id = raw.instanceId;
        const status = raw.runtimeStatus;
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
      token = this.continuation(response, seen);
    } while (token);
  }

  /** The instances of one answer, checked: a JSON list of objects that each carry an id and a status. */
  private page(response: HttpResponse): RawInstance[] {
    const odd = (what: string): HttpApiError =>
      new HttpApiError(
        `${this.describe}: the instances list ${what} (HTTP ${response.status}, ${describeBody(response)}), so nothing can be said of what is in flight. Is ${option('http-endpoint')} the function app's URL, with nothing (a proxy, a sign-in page) answering in its place?`,
      );
    const type = header(response.headers, 'content-type') ?? '';
    if (!/\bjson\b/i.test(type)) throw odd('is not JSON');
    if (!response.body.trim()) throw odd('is empty');
    let page: unknown;
    try {
      page = JSON.parse(response.body);
    } catch {
      throw odd('is not valid JSON');
    }
    if (!Array.isArray(page)) throw odd('is not a list');
    page.forEach((raw: unknown, index) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw odd(`has an entry that is not an instance (entry ${index + 1})`);
      const entry = raw as Record<string, unknown>;
      if (typeof entry.instanceId !== 'string' || entry.instanceId === '') throw odd(`has an entry without an instanceId (entry ${index + 1})`);
      if (entry.runtimeStatus === undefined || entry.runtimeStatus === null)
        throw odd(`has an entry without a runtimeStatus (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`);
      // A status the runtime does not have is never taken as "not in flight": it fails closed.
      const status =
        typeof entry.runtimeStatus === 'string'
          ? ALL_STATUSES.find((known) => known.toLowerCase() === (entry.runtimeStatus as string).toLowerCase())
          : undefined;
      if (!status)
        throw odd(
          `has an entry whose runtimeStatus ${printable(JSON.stringify(entry.runtimeStatus).slice(0, 40))} is not one the runtime has (${ALL_STATUSES.join(', ')}) (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`,
        );
      entry.runtimeStatus = status;
      for (const field of ['name', 'createdTime', 'lastUpdatedTime'] as const) {
        if (entry[field] !== undefined && entry[field] !== null && typeof entry[field] !== 'string')
          throw odd(`has an entry whose ${field} is not text (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`);
      }
    });
    return page as RawInstance[];
  }

  /** The next page's token: none (absent, empty, "null"), or a new one. A token seen before would loop forever. */
  private continuation(response: HttpResponse, seen: Set<string>): string | undefined {
    const next = response.headers['x-ms-continuation-token'];
    if (next === undefined) return undefined;
    if (typeof next !== 'string')
      throw new HttpApiError(`${this.describe}: the answer carries more than one x-ms-continuation-token, so the next page is unclear: stopped reading.`);
    if (next === '' || next === 'null') return undefined;
    if (seen.has(next))
      throw new HttpApiError(`${this.describe}: the API sent a continuation token it had sent before, so paging would never end: stopped reading.`);
    seen.add(next);
    return next;
  }

  /**
   * One GET of a page, through the one HTTP client: 408, 429, 5xx, resets and timeouts retried within
   * the retry budget, Retry-After honoured up to a minute. Only a 200 is the list.
   */
  private async get(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const cancelled = (): HttpApiError => new HttpApiError(`${this.describe}: stopped (${stopReason(signal)}) before the instances list was read.`);
    let response: HttpResponse;
    let attempts: number;
    try {
      ({ response, attempts } = await this.http.request(url, {
        headers: { accept: 'application/json', 'x-functions-key': this.options.systemKey, ...headers },
        ...(signal ? { signal } : {}),
      }));
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      if (error.cancelled) throw cancelled();
      if (error.tls) throw new HttpApiError(`${this.describe}: ${error.tls}`);
      throw new HttpApiError(
        `${this.describe}: ${error.code} (after ${error.attempts} attempt(s)): ${error.message}. Is ${option('http-endpoint')} the function app's URL, and is the app running?`,
      );
    }
    const { status } = response;
    if (status === 200) return response;
    const failure = `HTTP ${status}${response.body ? ` (${describeBody(response)})` : ''}`;
    if (status === 401 || status === 403)
      throw new HttpApiError(
        `${this.describe}: the system key was refused (HTTP ${status}). Use the durabletask_extension system key (az functionapp keys list ... --query systemKeys.durabletask_extension).`,
      );
    if (status === 404)
      throw new HttpApiError(`${this.describe}: not found (HTTP 404). Is ${option('http-endpoint')} the function app's URL, and is the app running?`);
    // The list answers 200; another 2xx or a redirect (a sign-in page, a proxy) is not the list.
    if (status < 400)
      throw new HttpApiError(
        `${this.describe}: the instances list was answered with ${failure}, not the list. Is ${option('http-endpoint')} the function app's URL, with nothing answering in its place?`,
      );
    if (retryableStatus(status)) throw new HttpApiError(`${this.describe}: ${failure} (after ${attempts} attempt(s)).`);
    throw new HttpApiError(`${this.describe}: ${failure}`);
  }
}

interface RawInstance {
  name?: string | null;
  instanceId: string;
  runtimeStatus: string;
  createdTime?: string | null;
  lastUpdatedTime?: string | null;
}

function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
