/**
 * The one HTTP client of durable-gate, with the one retry policy: Resource Manager (azure/arm.ts,
 * its long-running operations and 409 waits included), the Durable HTTP API (taskhub/http-api.ts),
 * the swap's health check (azure/swap.ts) and GitHub's OIDC token request (azure/credentials.ts) all
 * send through it. Each try is one exchange of ../http.ts (core-rest-pipeline's HTTP client, a
 * deadline for the whole exchange, a size cap, whether the request could have reached the service).
 *
 * The policy, in one place:
 * - retried: 408, 429 and 5xx answers, and failures of the exchange (resets, timeouts, refused
 *   connections, names that do not resolve); never a TLS certificate that is not accepted or an
 *   answer over the size cap (trying again changes neither);
 * - a request that must not run twice (a swap, a swap preview, its reset: `idempotent: false`) is
 *   sent again only when the failure proves it never reached the service (no connection was made)
 *   or the service refused it before processing it (429: throttled requests are not carried out).
 *   A 408, a 5xx (a front end may answer it after passing the request on), a reset or a timeout
 *   after sending: the caller gets the answer or an HttpFailure with `reached`, and says the
 *   outcome is unknown;
 * - the wait: Retry-After (seconds or an HTTP date, read on the client's clock), at most
 *   `maxRetryAfterMs`; without it, exponential backoff from `baseDelayMs`, at most `maxDelayMs`;
 * - a time budget per call: a wait that would end past it is not started (the answer or the failure
 *   so far is the result), and each try's deadline is cut to what is left of it (never below
 *   MIN_TRY_MS, so that a last try gets a fair chance);
 * - a cancel (the AbortSignal) ends an exchange or a wait at once: HttpFailure with `cancelled`.
 *
 * The clock (`now`) and `sleep` are passed in, so that tests run the budget and the waits on a
 * virtual clock (__tests__/http-client.test.ts). The exchange's own deadline is real time.
 *
 * Why not core-rest-pipeline's retryPolicy: it cannot be told that a request must not be sent
 * twice, and it waits on timers of its own, which a virtual clock cannot drive.
 */
import { brandedError, DurableGateError } from '../../harness/errors.js';
import { DEFAULT_TIMEOUT_MS, neverSent, retryAfter, send, sleep as realSleep, tlsProblem, TOO_LARGE, type HttpResponse, type SendError } from '../http.js';

export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export interface RetryPolicy {
  /** Tries after the first, per call (default 6). */
  retries: number;
  /** The first wait when the service gives no Retry-After (default 1 s); it doubles with each retry. */
  baseDelayMs: number;
  /** The longest backoff (default 30 s). */
  maxDelayMs: number;
  /** The longest Retry-After honoured (default 60 s): a longer one is the service's guess, and the caller's budget counts more. */
  maxRetryAfterMs: number;
  /** How long one call may go on, retries and waits included (default 2 minutes). */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  retries: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  budgetMs: 120_000,
};

/** The shortest deadline a try gets, however little of the budget is left. */
export const MIN_TRY_MS = 5000;

export interface HttpClientOptions {
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /** One exchange's deadline, body included (default 30 s). */
  timeoutMs?: number;
  /** The largest body read (default 20 MB). */
  maxBodyBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Ends every exchange and wait of this client at once. */
  signal?: AbortSignal;
  clock?: Clock;
  sleep?: Sleep;
}

export interface RetryNotice {
  /** The try that failed, counted from 1. */
  attempt: number;
  /** How long the client waits before the next try. */
  delayMs: number;
  /** The answer that is retried, when there was one. */
  response?: HttpResponse;
  /** The failure that is retried, when there was no answer: its code (ETIMEDOUT, ECONNRESET, ...). */
  failure?: string;
}

export interface CallOptions {
  method?: string;
  /** Headers, or a function giving them for each try (a token that may be renewed). What it throws ends the call, unchanged. */
  headers?: Record<string, string> | (() => Promise<Record<string, string>>);
  body?: string;
  /** Whether sending the request twice is harmless (default: yes, except for POST and PATCH). */
  idempotent?: boolean;
  /** The instant (on the client's clock) the call's budget ends, instead of `budgetMs` from now: one budget over several calls. */
  deadline?: number;
  /** Tries after the first, for this call. */
  retries?: number;
  /** Ends this call at once, beside the client's signal. */
  signal?: AbortSignal;
  /** Told before each wait for another try (for a notice in the log). */
  onRetry?: (notice: RetryNotice) => void;
}

export interface HttpResult {
  /** The answer: a success, one the policy does not retry, or the last of those it did when retrying ended. */
  response: HttpResponse;
  /** How many tries were made. */
  attempts: number;
}

/**
 * A call that ended without an answer: cancelled, or the exchange failed (and was retried as far as
 * the policy allows). `reached` is false only when the last try provably never reached the service.
 * Its message names the service by its origin only: never a path, a query or a header.
 */
export const HttpFailure = brandedError(
  'HttpFailure',
  class extends DurableGateError {
    constructor(
      message: string,
      /** ETIMEDOUT, ECONNRESET, ECONNREFUSED, a TLS code, ERESPONSETOOLARGE, ABORT_ERR, ... */
      readonly code: string,
      readonly cancelled: boolean,
      readonly reached: boolean,
      readonly attempts: number,
      /** Set when the TLS certificate was not accepted: what happened and what to do. */
      readonly tls?: string,
    ) {
      super(message);
    }
  },
);
export type HttpFailure = InstanceType<typeof HttpFailure>;

/** Failure codes that mean no connection was made: the request never reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Answers worth another try: the service did not serve the request, for a reason that may pass. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Answers that prove the service did not carry the request out, so that even a request that must not
 * run twice may be sent again: 429, a throttled request (Resource Manager throttles before it
 * passes a request on). A 503 proves nothing of the kind: a front end may answer it after passing
 * the request on.
 */
export function refusedBeforeProcessing(status: number): boolean {
  return status === 429;
}

/** True when the failed exchange certainly never reached the service. */
export function provedNotSent(error: unknown): boolean {
  return neverSent(error) || NOT_SENT.has((error as SendError | undefined)?.code ?? '');
}

/** Whether a failed exchange is worth another try under the policy. */
export function retryableFailure(error: unknown, idempotent: boolean): boolean {
  if (tlsProblem(error)) return false;
  const code = (error as SendError | undefined)?.code;
  if (code === TOO_LARGE || code === 'EINVAL') return false;
  return idempotent || provedNotSent(error);
}

export class HttpClient {
  readonly policy: Readonly<RetryPolicy>;
  private readonly clock: Clock;
  private readonly pause: Sleep;

  constructor(readonly options: HttpClientOptions = {}) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) };
    this.clock = options.clock ?? systemClock;
    this.pause = options.sleep ?? realSleep;
  }

  now(): number {
    return this.clock.now();
  }

  /** Waits `ms` with the client's sleep; a cancel (the client's signal or `signal`) ends the wait at once. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return this.pause(ms, anySignal(this.options.signal, signal));
  }

  /** The answer's Retry-After in milliseconds (on the client's clock), at most `maxRetryAfterMs`; undefined without one. */
  retryAfterMs(response: Pick<HttpResponse, 'headers'>): number | undefined {
    const asked = retryAfter(response.headers['retry-after'], this.now());
    return asked === undefined ? undefined : Math.min(asked, this.policy.maxRetryAfterMs);
  }

  /** The backoff before retry number `retry + 1`, without Retry-After. */
  backoff(retry: number): number {
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** retry);
  }

  /**
   * Sends the request, retrying as the policy allows. Resolves with the answer (whatever its status:
   * the caller judges it); throws HttpFailure when there is none, and what `headers` throws.
   */
  async request(url: URL, call: CallOptions = {}): Promise<HttpResult> {
    const method = (call.method ?? 'GET').toUpperCase();
    const signal = anySignal(this.options.signal, call.signal);
    const idempotent = call.idempotent ?? !['POST', 'PATCH'].includes(method);
    const retries = call.retries ?? this.policy.retries;
    const deadline = call.deadline ?? this.now() + this.policy.budgetMs;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const cancelled = (reached: boolean, attempts: number): HttpFailure =>
      new HttpFailure(
        reached ? `the request to ${url.origin} was cancelled after it was sent` : `the request to ${url.origin} was cancelled before it was sent`,
        'ABORT_ERR',
        true,
        reached,
        attempts,
      );
    /** Whether another try may follow after `delay`: tries are left, and the wait ends within the budget. */
    const mayRetry = (attempt: number, delay: number): boolean => attempt <= retries && this.now() + delay <= deadline;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelled(false, attempt - 1);
      const headers = typeof call.headers === 'function' ? await call.headers() : call.headers;
      if (signal?.aborted) throw cancelled(false, attempt - 1);
      let response: HttpResponse;
      try {
        response = await send(url, {
          method,
          ...(headers ? { headers } : {}),
          ...(call.body !== undefined ? { body: call.body } : {}),
          ...(this.options.ca ? { ca: this.options.ca } : {}),
          ...(this.options.maxBodyBytes !== undefined ? { maxBodyBytes: this.options.maxBodyBytes } : {}),
          ...(signal ? { signal } : {}),
          timeoutMs: Math.min(timeoutMs, Math.max(deadline - this.now(), MIN_TRY_MS)),
        });
      } catch (error) {
        const reached = !provedNotSent(error);
        if (signal?.aborted) throw cancelled(reached, attempt);
        const delay = this.backoff(attempt - 1);
        const code = (error as SendError).code || 'EFAILED';
        if (retryableFailure(error, idempotent) && mayRetry(attempt, delay)) {
          call.onRetry?.({ attempt, delayMs: delay, failure: code });
          await this.pause(delay, signal);
          continue;
        }
        const tls = tlsProblem(error);
        const detail = error instanceof Error ? error.message : String(error);
        throw new HttpFailure(tls ?? detail, code, false, reached, attempt, tls);
      }
      if (retryableStatus(response.status) && (idempotent || refusedBeforeProcessing(response.status))) {
        const delay = this.retryAfterMs(response) ?? this.backoff(attempt - 1);
        if (mayRetry(attempt, delay)) {
          call.onRetry?.({ attempt, delayMs: delay, response });
          await this.pause(delay, signal);
          continue;
        }
      }
      return { response, attempts: attempt };
    }
  }
}

function definedOnly<T extends object>(value: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
