/**
 * One HTTP(S) exchange, shared by every HTTP call durable-gate makes (http/client.ts adds the retry
 * policy on top). It goes through @azure/core-rest-pipeline's HTTP client, on an empty pipeline: no
 * proxy policy (HTTPS_PROXY and friends are not read: a request goes straight to its host, as node's
 * own stack does), no retry policy (http/client.ts has the one retry policy), no logging policy
 * (nothing writes a header, so no token, to a log). What the pipeline does not give is added here, and
 * __tests__/http-client.test.ts measures each point:
 * - one deadline for the whole exchange: the pipeline's own `timeout` stops counting once the headers
 *   are in, so a server that dribbles the body would never be cut off; the deadline here is an abort
 *   of our own that also ends the body's reading;
 * - a size cap: every answer is taken as a stream (`streamResponseStatusCodes`) and read here, so a
 *   bigger one is refused, not buffered;
 * - whether the request could have reached the service: each exchange gets an agent of its own that
 *   notes when its connection (and TLS handshake) was made; before that, not a byte was sent;
 * - extra CA certificates (PEM) go to that agent; without them node's store is used, which honours
 *   NODE_EXTRA_CA_CERTS.
 */
import { Agent as HttpAgent, IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions as HttpsRequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import type { HttpClient as PipelineClient, HttpMethods, Pipeline } from '@azure/core-rest-pipeline';
import { printable } from '../harness/report/text.js';

export interface HttpResponse {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /**
   * The whole exchange's deadline: connecting, the headers and the whole body (default 30 s). A
   * server that answers slowly, one byte at a time, is cut off at it as surely as a silent one.
   */
  timeoutMs?: number;
  /** The largest body read (default 20 MB): a bigger answer is refused, not buffered. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Error codes of send's own failures (besides the platform's: ECONNREFUSED, ECONNRESET, ...). */
export const TIMED_OUT = 'ETIMEDOUT';
export const TOO_LARGE = 'ERESPONSETOOLARGE';
export const ABORTED = 'ABORT_ERR';

/**
 * Failures of send carry `requestSent`: false when no connection was ever made, so the request
 * certainly did not reach the service (safe to say "nothing was started", safe to retry).
 */
export type SendError = NodeJS.ErrnoException & { requestSent?: boolean };

/** True when the failed exchange certainly never reached the service. */
export function neverSent(error: unknown): boolean {
  return (error as SendError | undefined)?.requestSent === false;
}

const METHODS: readonly HttpMethods[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];
/** Every status is handed over as a stream, to be read here under the size cap. */
const EVERY_STATUS = new Set([Number.POSITIVE_INFINITY]);

/** The pipeline and its HTTP client, loaded on first use: `replay` never pays for them. */
let transport: Promise<{ pipeline: Pipeline; client: PipelineClient; core: typeof import('@azure/core-rest-pipeline') }> | undefined;
function pipeline(): NonNullable<typeof transport> {
  return (transport ??= import('@azure/core-rest-pipeline').then((core) => ({
    core,
    pipeline: core.createEmptyPipeline(),
    client: core.createDefaultHttpClient(),
  })));
}

/** An agent for one exchange: no keep-alive, and it notes when its connection was made. */
interface Tracking {
  agent: HttpAgent;
  connected(): boolean;
}

function trackingAgent(url: URL, ca: string | Buffer | undefined): Tracking {
  let connected = false;
  if (url.protocol === 'https:') {
    const agent = new (class extends HttpsAgent {
      override createConnection(options: HttpsRequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
        const socket = super.createConnection(options, callback);
        // Application data goes out only after the handshake: before it, nothing of the request was sent.
        socket?.once('secureConnect', () => (connected = true));
        return socket;
      }
    })({ keepAlive: false, ...(ca ? { ca } : {}) });
    return { agent, connected: () => connected };
  }
  const agent = new (class extends HttpAgent {
    override createConnection(
      options: Parameters<HttpAgent['createConnection']>[0],
      callback?: (err: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      const socket = super.createConnection(options, callback);
      socket?.once('connect', () => (connected = true));
      return socket;
    }
  })({ keepAlive: false });
  return { agent, connected: () => connected };
}

export async function send(url: URL, request: HttpRequest = {}): Promise<HttpResponse> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { signal } = request;
  const failure = (message: string, code: string, name?: string): SendError => Object.assign(new Error(message), { code, ...(name ? { name } : {}) });
  if (signal?.aborted) throw Object.assign(failure('the request was cancelled before it was sent', ABORTED, 'AbortError'), { requestSent: false });
  const method = (request.method ?? 'GET').toUpperCase() as HttpMethods;
  if (!METHODS.includes(method))
    throw Object.assign(failure(`the HTTP method ${printable(method)} is not one durable-gate sends`, 'EINVAL'), { requestSent: false });
  const { core, pipeline: empty, client } = await pipeline();
  const tracking = trackingAgent(url, request.ca);
  // Why the exchange was ended early (the deadline, a cancel, the cap): said instead of the pipeline's AbortError.
  let ended: SendError | undefined;
  const stop = new AbortController();
  const end = (error: SendError): void => {
    ended ??= error;
    stop.abort();
  };
  const timer = setTimeout(() => end(failure(`no complete answer from ${url.origin} within ${Math.round(timeoutMs / 100) / 10} s`, TIMED_OUT)), timeoutMs);
  const onAbort = (): void => end(failure('the request was cancelled', ABORTED, 'AbortError'));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const headers = core.createHttpHeaders({
      ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}),
      ...request.headers,
    });
    const outgoing = core.createPipelineRequest({
      url: url.href,
      method,
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      abortSignal: stop.signal,
      allowInsecureConnection: url.protocol === 'http:',
      streamResponseStatusCodes: EVERY_STATUS,
    });
    // Set on the request itself: createPipelineRequest leaves an `agent` option out (the test of the
    // extra CA in __tests__/http-client.test.ts fails without this line).
    outgoing.agent = tracking.agent;
    const answer = await empty.sendRequest(client, outgoing);
    const stream = answer.readableStreamBody;
    // Without Accept-Encoding nothing is decompressed, so the stream is node's own message (HEAD has none).
    const message = stream instanceof IncomingMessage ? stream : undefined;
    const body = message ? await readBody(message, url, maxBytes, stop.signal) : '';
    return { status: answer.status, body, headers: message?.headers ?? answer.headers.toJSON() };
  } catch (error) {
    const thrown = ended ?? plain(error);
    thrown.requestSent ??= tracking.connected();
    throw thrown;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    tracking.agent.destroy();
  }
}

/** The pipeline's error as a plain one: its message and code, without the request it carries (and its headers). */
function plain(error: unknown): SendError {
  if (!(error instanceof Error)) return new Error(String(error));
  const code = (error as { code?: unknown }).code;
  return Object.assign(new Error(error.message), {
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.name === 'AbortError' ? { name: 'AbortError', code: ABORTED } : {}),
  });
}

/** The whole body, under the cap; a connection closed before its end is a failure, not a short answer. */
function readBody(message: IncomingMessage, url: URL, maxBytes: number, stop: AbortSignal): Promise<string> {
  const failure = (text: string, code: string): SendError => Object.assign(new Error(text), { code });
  const tooLarge = (): SendError => failure(`the answer from ${url.origin} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: not read`, TOO_LARGE);
  return new Promise((resolve, reject) => {
    if (Number(message.headers['content-length']) > maxBytes) {
      message.destroy();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: SendError): void => {
      if (settled) return;
      settled = true;
      stop.removeEventListener('abort', onStop);
      message.destroy();
      reject(error);
    };
    const onStop = (): void => fail(failure('the exchange was ended', ABORTED));
    if (stop.aborted) return onStop();
    stop.addEventListener('abort', onStop, { once: true });
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge());
      chunks.push(chunk);
    });
    message.on('end', () => {
      if (settled) return;
      settled = true;
      stop.removeEventListener('abort', onStop);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    message.on('error', (error: NodeJS.ErrnoException) =>
      fail(failure(`the connection to ${url.origin} failed while the answer was read: ${error.message}`, error.code ?? 'ECONNRESET')),
    );
    message.on('close', () => {
      if (!message.complete) fail(failure(`the connection to ${url.origin} closed before the answer was complete`, 'ECONNRESET'));
    });
  });
}

/** Retry-After in seconds or as an HTTP date (counted from `now`), in milliseconds. */
export function retryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A TLS failure said so that the reader knows what to do. */
export function tlsProblem(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return /CERT|SELF_SIGNED|TLS|SSL/i.test(code)
    ? `the TLS certificate was not accepted (${code}). For a private CA, point NODE_EXTRA_CA_CERTS at its certificate.`
    : undefined;
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
  });

/** What an answer's body is, for messages: its content type and how it begins (control characters escaped). */
export function describeBody(response: HttpResponse): string {
  const type = response.headers['content-type'] || 'no content type';
  const text = bodySnippet(response.body);
  return `${printable(String(type))}${text ? `, beginning '${text}'` : ', empty'}`;
}

/** How a body begins, for messages: spaces collapsed, control characters escaped, 60 characters. */
export function bodySnippet(body: string | null | undefined): string {
  return printable((body ?? '').trim().replace(/\s+/g, ' ')).slice(0, 60);
}
