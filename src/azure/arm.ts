/**
 * A small Azure Resource Manager client for the App Service calls durable-gate makes
 * (../shared/docs/durable-protocol.md §8):
 * - 429 and 5xx, resets and timeouts are retried with backoff, honouring Retry-After;
 * - 409 "another operation is in progress" (a swap or a deployment runs on the site) is waited out
 *   within the caller's deadline, the platform's message passed on;
 * - long-running operations are followed in both styles: Azure-AsyncOperation (poll until
 *   status Succeeded/Failed/Canceled) and Location (202 until done, then the result or the error);
 * - both App Service error shapes are read: {"error":{"code","message"}} and {"Code","Message"}.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { DurableGateError, errorMessage } from '../../harness/errors.js';
import { retryAfter, send, sleep as wait, tlsProblem, type HttpResponse } from '../http.js';

export const WEB_API_VERSION = '2024-04-01';

export interface RequestOptions {
  /** Whether a 409 "another operation is in progress" with this message is waited out (default: yes). */
  retryConflict?: (message: string) => boolean;
  /**
   * False for calls that must not run twice (a swap): they are retried only when they certainly did
   * not reach Azure (connection refused, name not found) or were refused (429). A reset, a timeout or
   * a 5xx after sending leaves their outcome unknown: said so, never retried.
   */
  idempotent?: boolean;
}

/** The call may or may not have taken effect at Azure's side: check before acting again. */
export const OUTCOME_UNKNOWN = 'OutcomeUnknown';

/** Transport failures that mean the request never reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class ArmError extends DurableGateError {
  override readonly name = 'ArmError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The ARM call was cancelled by the user (SIGINT/SIGTERM, a cancelled workflow). */
export class ArmCancelled extends DurableGateError {
  override readonly name = 'ArmCancelled';
  constructor(
    message: string,
    /** False when the cancel came before the request was sent: nothing was started. */
    readonly sent = true,
  ) {
    super(message);
  }
}

export interface ArmClientOptions {
  endpoint: string;
  credential: TokenCredential;
  /** The token scope, e.g. https://management.azure.com/.default. */
  scope: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /** Retries of 429, 5xx and transport failures per call. */
  retries?: number;
  /** Base of the exponential backoff when the service gives no Retry-After. */
  retryDelayMs?: number;
  /** How long transport failures, 429 and 5xx are retried within one call, in total (default 2 minutes). */
  retryBudgetMs?: number;
  /** How long 409 "another operation is in progress" is waited out, in total. */
  conflictWaitMs?: number;
  /** How long a long-running operation is followed. */
  operationTimeoutMs?: number;
  /** Said while waiting (409s, long-running operations): for the person watching the log. */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ArmResponse<T = unknown> {
  status: number;
  body: T;
  headers: HttpResponse['headers'];
}

/** An App Service error in either shape, as code and message. */
export function armErrorDetail(body: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const error = (parsed.error ?? parsed.Error) as Record<string, unknown> | undefined;
    const source = error && typeof error === 'object' ? error : parsed;
    const code = source.code ?? source.Code;
    const message = source.message ?? source.Message;
    return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
  } catch {
    return body.trim() ? { message: body.trim().slice(0, 300) } : {};
  }
}

const CONFLICT = /another operation is in progress/i;

export class ArmClient {
  private token?: AccessToken;

  constructor(readonly options: ArmClientOptions) {}

  private get sleep(): (ms: number, signal?: AbortSignal) => Promise<void> {
    return this.options.sleep ?? wait;
  }

  private checkCancelled(what: string): void {
    if (this.options.signal?.aborted) throw new ArmCancelled(`cancelled ${what}`);
  }

  private async authorization(): Promise<string> {
    if (!this.token || this.token.expiresOnTimestamp - Date.now() < 120_000) {
      let token: AccessToken | null;
      try {
        token = await this.options.credential.getToken(this.options.scope);
      } catch (error) {
        throw new ArmError(`could not get a token for Azure Resource Manager: ${errorMessage(error).split('\n')[0]}`);
      }
      if (!token) throw new ArmError('could not get a token for Azure Resource Manager: the credential returned none.');
      this.token = token;
    }
    return `Bearer ${this.token.token}`;
  }

  url(path: string, apiVersion = WEB_API_VERSION): URL {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.options.endpoint.replace(/\/+$/, '') + path);
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion);
    return url;
  }

  /** One call; retried on 429, 5xx and transport failures; 409 conflicts waited out. Non-2xx → ArmError. */
  async request<T = unknown>(method: string, path: string, body?: unknown, what = `${method} ${path}`, options: RequestOptions = {}): Promise<ArmResponse<T>> {
    const url = this.url(path);
    const retries = this.options.retries ?? 6;
    const conflictDeadline = Date.now() + (this.options.conflictWaitMs ?? 10 * 60_000);
    const retryDeadline = Date.now() + (this.options.retryBudgetMs ?? 120_000);
    const canRetry = (wait: number): boolean => attempt < retries && Date.now() + wait <= retryDeadline;
    let attempt = 0;
    for (;;) {
      if (this.options.signal?.aborted) throw new ArmCancelled(`cancelled before ${what} was sent`, false);
      let response: HttpResponse;
      try {
        response = await send(url, {
          method,
          headers: { authorization: await this.authorization(), accept: 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '' } : {}),
          ...(this.options.ca ? { ca: this.options.ca } : {}),
          ...(this.options.signal ? { signal: this.options.signal } : {}),
        });
      } catch (error) {
        this.checkCancelled(what);
        if (error instanceof ArmError) throw error;
        const tls = tlsProblem(error);
        if (tls) throw new ArmError(`${what}: ${tls}`);
        const failure = (error as NodeJS.ErrnoException).code || errorMessage(error);
        if (options.idempotent === false && !NOT_SENT.has((error as NodeJS.ErrnoException).code ?? '')) {
          throw new ArmError(`${what}: ${failure} after the request was sent: it may or may not have started at Azure's side.`, undefined, OUTCOME_UNKNOWN);
        }
        if (!canRetry(this.backoff(attempt))) throw new ArmError(`${what}: ${failure} (after ${attempt + 1} attempt(s)). Is ${url.origin} reachable?`);
        this.options.onNotice?.(`${what}: ${failure}; trying again.`);
        await this.sleep(this.backoff(attempt++), this.options.signal);
        continue;
      }
      const { status } = response;
      if (status >= 200 && status < 300) return { status, headers: response.headers, body: (response.body ? safeJson(response.body) : undefined) as T };
      const detail = armErrorDetail(response.body);
      const said = detail.message ?? `HTTP ${status}`;
      const delay = retryAfter(response.headers['retry-after']);
      if (status === 409 && CONFLICT.test(said)) {
        if (options.retryConflict && !options.retryConflict(said)) throw new ArmError(`${what}: ${said}`, status, 'OperationInProgress');
        if (Date.now() >= conflictDeadline) throw new ArmError(`${what}: the site was still busy with another operation when the time to wait ran out: ${said}`, status, 'OperationInProgress');
        const pause = Math.min(Math.max(delay ?? 15_000, 1000), Math.max(conflictDeadline - Date.now(), 1));
        this.options.onNotice?.(`Azure says another operation is in progress on the site; waiting ${Math.round(pause / 1000)} s and trying again. (${said})`);
        await this.sleep(pause, this.options.signal);
        continue;
      }
      const pause = Math.min(60_000, delay ?? this.backoff(attempt));
      if (status >= 500 && options.idempotent === false) {
        throw new ArmError(`${what}: ${explain(status, detail.code, said)}; it may or may not have started at Azure's side.`, status, OUTCOME_UNKNOWN);
      }
      if ((status === 429 || status >= 500) && canRetry(pause)) {
        if (attempt > 0) this.options.onNotice?.(`${what}: ${said} (HTTP ${status}); trying again in ${Math.round(pause / 1000)} s.`);
        await this.sleep(pause, this.options.signal);
        attempt++;
        continue;
      }
      throw new ArmError(`${what}: ${explain(status, detail.code, said)}`, status, detail.code);
    }
  }

  private backoff(attempt: number): number {
    return Math.min(30_000, (this.options.retryDelayMs ?? 1000) * 2 ** attempt);
  }

  /**
   * Starts a long-running operation and follows it to its end. Resolves when it succeeded, throws
   * ArmError with the platform's reason when it failed, ArmCancelled when the user cancelled
   * while it ran (the operation itself goes on at Azure's side).
   */
  async operation(method: string, path: string, body: unknown, what: string, options: RequestOptions = {}): Promise<void> {
    const started = await this.request(method, path, body, what, { ...options, idempotent: false });
    if (started.status !== 201 && started.status !== 202) return;
    const asyncOperation = header(started.headers, 'azure-asyncoperation');
    const location = header(started.headers, 'location');
    if (!asyncOperation && !location) return;
    // The token goes only to Resource Manager itself: an operation URL elsewhere is not followed.
    const endpoint = new URL(this.options.endpoint);
    for (const link of [asyncOperation, location]) {
      if (link && (!URL.canParse(link) || new URL(link).origin !== endpoint.origin)) {
        throw new ArmError(`${what}: Azure accepted it, but its status is at ${link}, not at ${endpoint.origin}: not followed with the token. Check the app's activity log for the result.`, undefined, OUTCOME_UNKNOWN);
      }
    }
    const deadline = Date.now() + (this.options.operationTimeoutMs ?? 30 * 60_000);
    let delay = retryAfter(started.headers['retry-after']) ?? 5000;
    const began = Date.now();
    let noticed = 0;
    for (;;) {
      if (Date.now() > deadline) throw new ArmError(`${what}: still running after ${Math.round((Date.now() - began) / 1000)} s; stopped following it. It may still complete: check the app's activity log before acting again.`, undefined, OUTCOME_UNKNOWN);
      await this.sleep(Math.max(delay, 1000), this.options.signal);
      if (this.options.signal?.aborted) throw new ArmCancelled(`stopped following ${what}: it goes on at Azure's side. Check the app's activity log.`);
      if (Date.now() - began - noticed >= 30_000) {
        noticed = Date.now() - began;
        this.options.onNotice?.(`${what}: still running after ${Math.round(noticed / 1000)} s`);
      }
      if (asyncOperation) {
        const poll = await this.request<{ status?: string; error?: unknown }>('GET', asyncOperation, undefined, `${what} (operation status)`).catch((error: unknown) => {
          throw error instanceof ArmError && !(error instanceof ArmCancelled) ? new ArmError(`${error.message}. The operation was accepted and may still complete: check the app's activity log before acting again.`, error.status, OUTCOME_UNKNOWN) : error;
        });
        const status = (poll.body?.status ?? '').toLowerCase();
        if (status === 'succeeded') return;
        if (status === 'failed' || status === 'canceled' || status === 'cancelled') {
          const detail = armErrorDetail(JSON.stringify(poll.body ?? {}));
          throw new ArmError(`${what} ${status}: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, undefined, detail.code);
        }
        delay = retryAfter(poll.headers['retry-after']) ?? delay;
      } else {
        let poll: ArmResponse;
        try {
          poll = await this.request('GET', location!, undefined, `${what} (operation result)`);
        } catch (error) {
          if (error instanceof ArmError && error.status !== undefined && error.status < 500) {
            throw new ArmError(`${what} failed: ${error.message.replace(/^.*? \(operation result\): /, '')}`, error.status, error.code);
          }
          if (error instanceof ArmError && !(error instanceof ArmCancelled)) {
            throw new ArmError(`${error.message}. The operation was accepted and may still complete: check the app's activity log before acting again.`, error.status, OUTCOME_UNKNOWN);
          }
          throw error;
        }
        if (poll.status !== 202) return;
        delay = retryAfter(poll.headers['retry-after']) ?? delay;
      }
    }
  }
}

function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function explain(status: number, code: string | undefined, message: string): string {
  const tail = code ? ` (${code}, HTTP ${status})` : ` (HTTP ${status})`;
  switch (status) {
    case 401:
      return `Azure refused the token${tail}: ${message} Check --auth and that the login is for the right tenant.`;
    case 403:
      return `not allowed${tail}: ${message} The identity needs a role such as Website Contributor on the app (slot swaps need Microsoft.Web/sites/slots/slotsswap/action).`;
    case 404:
      return `not found${tail}: ${message} Check --subscription, --resource-group, --app-name and --slot.`;
    default:
      return `${message}${tail}`;
  }
}
