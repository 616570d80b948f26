/**
 * A small Azure Resource Manager client for the App Service calls durable-gate makes
 * (../shared/docs/durable-protocol.md §8):
 * - every exchange goes through the one HTTP client (../http/client.ts) and its retry policy: 408,
 *   429 and 5xx, resets and timeouts retried with backoff, Retry-After honoured (up to a minute),
 *   within the caller's budget; a swap (a call that must not run twice) sent again only when it
 *   provably never reached Azure or was throttled (429);
 * - an answer counts only when Resource Manager could have sent it: a 2xx whose body is not JSON
 *   (a proxy's sign-in page) is an error, never data;
 * - 409 "another operation is in progress" (a swap or a deployment runs on the site) is waited out
 *   within the caller's deadline, the platform's message passed on;
 * - long-running operations are followed in both styles: Azure-AsyncOperation (poll until
 *   status Succeeded/Failed/Canceled) and Location (202 until done, then the result or the error);
 *   a poll that proves neither end leaves the outcome unknown (OUTCOME_UNKNOWN), never "failed";
 * - both App Service error shapes are read: {"error":{"code","message"}} and {"Code","Message"}.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { brandedError, DurableGateError, errorMessage } from '../../harness/errors.js';
import { describeBody, type HttpResponse } from '../http.js';
import { HttpClient, HttpFailure, retryableStatus, type Clock, type HttpResult } from '../http/client.js';
import { option } from '../option-names.js';

export const WEB_API_VERSION = '2024-04-01';

export interface RequestOptions {
  /** Whether a 409 "another operation is in progress" with this message is waited out (default: yes). */
  retryConflict?: (message: string) => boolean;
  /**
   * False for calls that must not run twice (a swap): they are retried only when they certainly did
   * not reach Azure (no connection was made) or were refused (429). A reset, a timeout, a 5xx or an
   * unreadable answer after sending leaves their outcome unknown: said so, never retried.
   */
  idempotent?: boolean;
}

/** The call may or may not have taken effect at Azure's side: check before acting again. */
export const OUTCOME_UNKNOWN = 'OutcomeUnknown';
/** Azure Resource Manager (or something in its place) answered with something ARM does not send. */
export const INVALID_RESPONSE = 'InvalidResponse';

/** The longest wait between two polls or two tries after a 409, whatever Retry-After says. */
const MAX_RETRY_AFTER_MS = 60_000;

export const ArmError = brandedError(
  'ArmError',
  class extends DurableGateError {
    constructor(
      message: string,
      readonly status?: number,
      readonly code?: string,
    ) {
      super(message);
    }
  },
);
export type ArmError = InstanceType<typeof ArmError>;

/** The ARM call was cancelled by the user (SIGINT/SIGTERM, a cancelled workflow). */
export const ArmCancelled = brandedError(
  'ArmCancelled',
  class extends DurableGateError {
    constructor(
      message: string,
      /** False when the cancel came before the request was sent: nothing was started. */
      readonly sent = true,
      /** True when Azure had accepted the operation: it goes on at Azure's side. */
      readonly accepted = false,
    ) {
      super(message);
    }
  },
);
export type ArmCancelled = InstanceType<typeof ArmCancelled>;

export interface ArmClientOptions {
  endpoint: string;
  credential: TokenCredential;
  /** The token scope, e.g. https://management.azure.com/.default. */
  scope: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /** Retries of 408, 429, 5xx and failed exchanges per call (default 6; the policy is in ../http/client.ts). */
  retries?: number;
  /** Base of the exponential backoff when the service gives no Retry-After. */
  retryDelayMs?: number;
  /** How long transport failures, 429 and 5xx are retried within one call, in total (default 2 minutes). */
  retryBudgetMs?: number;
  /** How long 409 "another operation is in progress" is waited out, in total. */
  conflictWaitMs?: number;
  /** How long a long-running operation is followed. */
  operationTimeoutMs?: number;
  /** The deadline of one HTTP exchange, body included (default 30 s). */
  requestTimeoutMs?: number;
  /** How long getting a token may take (default 2 minutes). */
  tokenTimeoutMs?: number;
  /** Said while waiting (409s, long-running operations): for the person watching the log. */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock the budgets, the waits and Retry-After dates are counted on (default: the system's). */
  clock?: Clock;
}

export interface ArmResponse<T = unknown> {
  status: number;
  body: T;
  headers: HttpResponse['headers'];
}

/** An App Service error in either shape, as code and message. */
export function armErrorDetail(body: string): { code?: string; message?: string } {
  const detail = armErrorBody(body);
  if (detail) return detail;
  const text = body.trim().replace(/\s+/g, ' ');
  if (!text) return {};
  return { message: text.startsWith('<') ? `an HTML page, not an answer of Azure Resource Manager (it begins '${text.slice(0, 60)}')` : text.slice(0, 300) };
}

/** The error of an ARM or App Service error body ({"error":{code,message}} or {"Code","Message"}); undefined when the body is no such thing. */
function armErrorBody(body: string): { code?: string; message?: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const error = parsed.error ?? parsed.Error;
  const source = isObject(error) ? error : parsed;
  const code = source.code ?? source.Code;
  const message = source.message ?? source.Message;
  if (typeof code !== 'string' && typeof message !== 'string') return undefined;
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body of an answer; undefined for an empty one; a string saying why when it is not JSON. */
function readJson(response: HttpResponse): { value: unknown } | { problem: string } {
  if (!response.body.trim()) return { value: undefined };
  try {
    return { value: JSON.parse(response.body) as unknown };
  } catch {
    return { problem: `HTTP ${response.status} with a body that is not JSON (${describeBody(response)})` };
  }
}

const CONFLICT = /another operation is in progress/i;

export class ArmClient {
  private token?: AccessToken;

  /** Every exchange with Resource Manager, with the one retry policy. */
  readonly http: HttpClient;

  constructor(readonly options: ArmClientOptions) {
    const { ca, requestTimeoutMs: timeoutMs, retries, retryDelayMs: baseDelayMs, retryBudgetMs: budgetMs, signal, clock, sleep } = options;
    this.http = new HttpClient({ ca, timeoutMs, retry: { retries, baseDelayMs, budgetMs }, signal, clock, sleep });
  }

  /**
   * The Authorization header. A cancel while the token is on its way ends the wait at once, with
   * `cancelled` (the request it was for was not sent).
   */
  private async authorization(cancelled: () => ArmCancelled): Promise<string> {
    if (!this.token || this.token.expiresOnTimestamp - Date.now() < 120_000) {
      const { signal } = this.options;
      const limit = this.options.tokenTimeoutMs ?? 120_000;
      let token: AccessToken | null | 'cancelled' | 'late';
      try {
        token = await settle(this.options.credential.getToken(this.options.scope, signal ? { abortSignal: signal } : {}), signal, limit);
      } catch (error) {
        if (signal?.aborted) throw cancelled();
        throw new ArmError(`could not get a token for Azure Resource Manager: ${errorMessage(error).split('\n')[0]}`);
      }
      if (token === 'cancelled' || signal?.aborted) throw cancelled();
      if (token === 'late')
        throw new ArmError(
          `could not get a token for Azure Resource Manager: the credential did not answer within ${Math.round(limit / 1000)} s. Check ${option('auth')} and the login (az account show, or the OIDC set-up).`,
        );
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

  /**
   * One call, through the one HTTP client: 408, 429, 5xx and transport failures retried within the
   * retry budget as its policy says; 409 conflicts waited out. Non-2xx → ArmError; so is a 2xx whose
   * body is not JSON: an answer counts only when it is one Resource Manager could have sent.
   */
  async request<T = unknown>(method: string, path: string, body?: unknown, what = `${method} ${path}`, options: RequestOptions = {}): Promise<ArmResponse<T>> {
    const url = this.url(path);
    const conflictDeadline = this.http.now() + (this.options.conflictWaitMs ?? 10 * 60_000);
    // One retry budget for the whole call, 409 waits included.
    const retryDeadline = this.http.now() + this.http.policy.budgetMs;
    const notSent = (): ArmCancelled => new ArmCancelled(`cancelled before ${what} was sent`, false);
    const mustNotRepeat = options.idempotent === false;
    for (;;) {
      let result: HttpResult;
      try {
        result = await this.http.request(url, {
          method,
          headers: async () => ({ authorization: await this.authorization(notSent), accept: 'application/json' }),
          ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '' } : {}),
          idempotent: !mustNotRepeat,
          deadline: retryDeadline,
          onRetry: ({ attempt, delayMs, response, failure }) => {
            if (failure) return this.options.onNotice?.(`${what}: ${failure}; trying again in ${seconds(delayMs)}.`);
            // One throttled or failed try is routine: said from the second on.
            if (response && attempt > 1)
              this.options.onNotice?.(
                `${what}: ${armErrorDetail(response.body).message ?? `HTTP ${response.status}`} (HTTP ${response.status}); trying again in ${seconds(delayMs)}.`,
              );
          },
        });
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw error;
        if (error.cancelled) {
          if (!error.reached) throw notSent();
          throw new ArmCancelled(
            mustNotRepeat ? `cancelled while ${what} was being sent: it may or may not have started at Azure's side` : `cancelled ${what}`,
          );
        }
        if (error.tls) throw new ArmError(`${what}: ${error.tls}`);
        if (mustNotRepeat && error.reached) {
          throw new ArmError(
            `${what}: ${error.code} after the request was sent (${error.message}): it may or may not have started at Azure's side.`,
            undefined,
            OUTCOME_UNKNOWN,
          );
        }
        throw new ArmError(`${what}: ${error.code} (after ${error.attempts} attempt(s)): ${error.message}. Is ${url.origin} reachable?`);
      }
      const { response } = result;
      const { status } = response;
      if (status >= 200 && status < 300) {
        const parsed = readJson(response);
        if ('problem' in parsed) {
          const tail = mustNotRepeat
            ? " Whether it started at Azure's side is not known: check the app's activity log before acting again."
            : ` Something other than Resource Manager may have answered (a proxy, a sign-in page): check ${option('arm-endpoint')} and the network path to it.`;
          throw new ArmError(`${what}: Azure Resource Manager answered ${parsed.problem}.${tail}`, status, mustNotRepeat ? OUTCOME_UNKNOWN : INVALID_RESPONSE);
        }
        return { status, headers: response.headers, body: parsed.value as T };
      }
      const detail = armErrorDetail(response.body);
      const said = detail.message ?? `HTTP ${status}`;
      if (status === 409 && CONFLICT.test(said)) {
        if (options.retryConflict && !options.retryConflict(said)) throw new ArmError(`${what}: ${said}`, status, 'OperationInProgress');
        if (this.http.now() >= conflictDeadline)
          throw new ArmError(`${what}: the site was still busy with another operation when the time to wait ran out: ${said}`, status, 'OperationInProgress');
        const pause = Math.min(Math.max(this.http.retryAfterMs(response) ?? 15_000, 1000), MAX_RETRY_AFTER_MS, Math.max(conflictDeadline - this.http.now(), 1));
        this.options.onNotice?.(`Azure says another operation is in progress on the site; waiting ${seconds(pause)} and trying again. (${said})`);
        await this.http.wait(pause);
        continue;
      }
      if (mustNotRepeat && retryableStatus(status) && status !== 429) {
        throw new ArmError(`${what}: ${explain(status, detail.code, said)}; it may or may not have started at Azure's side.`, status, OUTCOME_UNKNOWN);
      }
      throw new ArmError(`${what}: ${explain(status, detail.code, said)}`, status, detail.code);
    }
  }

  /**
   * Starts a long-running operation and follows it to its end. Resolves when it succeeded, throws
   * ArmError with the platform's reason when it failed, ArmError with code OUTCOME_UNKNOWN when
   * Azure accepted it and its end could not be learnt, ArmCancelled when the user cancelled (with
   * `accepted` when the operation goes on at Azure's side).
   *
   * Only an answer that proves the end counts: Succeeded (or the Location's final 2xx) for success;
   * status Failed/Canceled, or a 4xx carrying ARM's error for the operation, for failure. Anything
   * else (401, 403, 404, 408, 429 and 5xx that outlast the retries, transport failures, a body ARM
   * does not send) leaves the outcome unknown, said as such: a swap that was carried out must never
   * be reported as failed, or someone runs it again and undoes it.
   */
  async operation(method: string, path: string, body: unknown, what: string, options: RequestOptions = {}): Promise<void> {
    const started = await this.request(method, path, body, what, { ...options, idempotent: false });
    if (started.status !== 201 && started.status !== 202) return;
    const asyncOperation = header(started.headers, 'azure-asyncoperation');
    const location = header(started.headers, 'location');
    const accepted = `Azure accepted it, and it may have completed: check the app's activity log before acting again.`;
    const unknown = (reason: string, status?: number): ArmError => new ArmError(`${what}: ${reason}. ${accepted}`, status, OUTCOME_UNKNOWN);
    if (!asyncOperation && !location) {
      // 201 Created is an end in itself; a 202 without an address to follow says nothing of the end.
      if (started.status === 201) return;
      throw unknown('Azure answered HTTP 202 without an Azure-AsyncOperation or Location header to follow it by', 202);
    }
    // The token goes only to Resource Manager itself: an operation URL elsewhere is not followed.
    const endpoint = new URL(this.options.endpoint);
    for (const link of [asyncOperation, location]) {
      if (link && (!URL.canParse(link) || new URL(link).origin !== endpoint.origin)) {
        throw new ArmError(
          `${what}: Azure accepted it, but its status is at ${link}, not at ${endpoint.origin}: not followed with the token. It may have completed: check the app's activity log for the result before acting again.`,
          undefined,
          OUTCOME_UNKNOWN,
        );
      }
    }
    const { signal } = this.options;
    const link = new URL((asyncOperation ?? location)!);
    const style = asyncOperation ? 'operation status' : 'operation result';
    const deadline = this.http.now() + (this.options.operationTimeoutMs ?? 30 * 60_000);
    const began = this.http.now();
    const following = (): ArmCancelled =>
      new ArmCancelled(
        `stopped following ${what}: Azure accepted it and it goes on at Azure's side. Check the app's activity log before acting again`,
        true,
        true,
      );
    const inARow = (attempts: number): string => (attempts > 1 ? ` (${attempts} times in a row)` : '');
    const answered = (response: HttpResponse): string => {
      const said = armErrorDetail(response.body).message;
      return `HTTP ${response.status}${said ? `: ${said}` : ''}`;
    };
    let delay = this.http.retryAfterMs(started) ?? 5000;
    let noticed = 0;
    for (;;) {
      const left = deadline - this.http.now();
      if (left <= 0) throw unknown(`still not finished after ${Math.round((this.http.now() - began) / 1000)} s, when the time to follow it ran out`);
      await this.http.wait(Math.min(Math.max(delay, 1000), MAX_RETRY_AFTER_MS, left));
      if (signal?.aborted) throw following();
      if (this.http.now() - began - noticed >= 30_000) {
        noticed = this.http.now() - began;
        this.options.onNotice?.(`${what}: still running after ${Math.round(noticed / 1000)} s`);
      }
      // A poll is a read: the client retries its failures, 408, 429 and 5xx, until the time to follow it ends.
      let result: HttpResult;
      try {
        result = await this.http.request(link, {
          headers: async () => ({ authorization: await this.authorization(following), accept: 'application/json' }),
          deadline,
          onRetry: ({ response, failure, delayMs }) =>
            this.options.onNotice?.(
              `${what}: reading its ${style} ${response ? `answered ${answered(response)}` : `failed (${failure})`}; trying again in ${seconds(delayMs)}.`,
            ),
        });
      } catch (error) {
        if (error instanceof ArmCancelled || signal?.aborted) throw following();
        if (error instanceof ArmError) throw unknown(`its ${style} could not be read: ${error.message}`);
        if (!(error instanceof HttpFailure)) throw error;
        if (error.cancelled) throw following();
        if (error.tls) throw unknown(`its ${style} could not be read: ${error.tls}`);
        throw unknown(`its ${style} could not be read: ${error.code}${inARow(error.attempts)}: ${error.message}`);
      }
      const { response } = result;
      const { status } = response;
      const said = armErrorDetail(response.body).message;
      if (retryableStatus(status)) throw unknown(`its ${style} could not be read: ${answered(response)}${inARow(result.attempts)}`, status);
      if (status === 401 || status === 403 || status === 404) {
        throw unknown(`its ${style} could not be read: ${POLL_REFUSED[status]} (HTTP ${status}${said ? `: ${said}` : ''})`, status);
      }
      const parsed = readJson(response);
      if (asyncOperation) {
        // The status monitor answers 200 with {"status": ...}; anything else does not tell how it ended.
        const value = 'value' in parsed ? parsed.value : undefined;
        if (status < 200 || status >= 300 || !isObject(value) || typeof value.status !== 'string') {
          const why =
            'problem' in parsed
              ? parsed.problem
              : status < 200 || status >= 300
                ? `HTTP ${status} (${said ?? describeBody(response)})`
                : `HTTP ${status} without a status (${describeBody(response)})`;
          throw unknown(`its operation status is not an answer Azure sends: ${why}`, status);
        }
        const state = value.status.toLowerCase();
        if (state === 'succeeded') return;
        if (state === 'failed' || state === 'canceled' || state === 'cancelled') {
          const detail = armErrorBody(JSON.stringify(value)) ?? {};
          throw new ArmError(`${what} ${state}: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, undefined, detail.code);
        }
      } else if (status >= 400 && status < 500) {
        // The Location answers the operation's own error with a 4xx and ARM's error body: that is a failure.
        const detail = armErrorBody(response.body);
        if (!detail) throw unknown(`its operation result is not an answer Azure sends: HTTP ${status} (${describeBody(response)})`, status);
        throw new ArmError(`${what} failed: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, status, detail.code);
      } else if ('problem' in parsed || ![200, 201, 202, 204].includes(status)) {
        throw unknown(
          `its operation result is not an answer Azure sends: ${'problem' in parsed ? parsed.problem : `HTTP ${status} (${describeBody(response)})`}`,
          status,
        );
      } else if (status !== 202) {
        return;
      }
      delay = this.http.retryAfterMs(response) ?? delay;
    }
  }
}

/** Why a poll's 401, 403 or 404 says nothing of the operation's end. */
const POLL_REFUSED: Record<401 | 403 | 404, string> = {
  401: 'Azure refused the token while it was being followed',
  403: 'the identity may not read the operation',
  404: 'the operation was not found (its record may have expired or moved)',
};

function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Waits for `work`, but no longer than the signal allows or `limitMs`. */
function settle<T>(work: Promise<T>, signal: AbortSignal | undefined, limitMs: number): Promise<T | 'cancelled' | 'late'> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return resolve('cancelled');
    // Whichever comes first ends the wait, and the others are cleared: a credential that never answers holds nothing open.
    const end =
      <V>(settle: (value: V) => void) =>
      (value: V): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle(value);
      };
    const timer = setTimeout(
      end(() => resolve('late')),
      limitMs,
    );
    const onAbort = end(() => resolve('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(end(resolve), end(reject));
  });
}

function explain(status: number, code: string | undefined, message: string): string {
  const tail = code ? ` (${code}, HTTP ${status})` : ` (HTTP ${status})`;
  switch (status) {
    case 401:
      return `Azure refused the token${tail}: ${message} Check ${option('auth')} and that the login is for the right tenant.`;
    case 403:
      return `not allowed${tail}: ${message} The identity needs a role such as Website Contributor on the app (slot swaps need Microsoft.Web/sites/slots/slotsswap/action).`;
    case 404:
      return `not found${tail}: ${message} Check ${option('subscription')}, ${option('resource-group')}, ${option('app-name')} and ${option('slot')}.`;
    default:
      return `${message}${tail}`;
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
