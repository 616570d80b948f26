/**
 * One HTTP(S) exchange with node's own stack (proxy-free, NODE_EXTRA_CA_CERTS honoured), shared by
 * the Durable HTTP API source, the ARM client, the GitHub OIDC token request and the health check.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { printable } from '../harness/report/text.js';

export interface HttpResponse {
  status: number;
  body: string;
  headers: IncomingMessage['headers'];
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

export function send(url: URL, request: HttpRequest = {}): Promise<HttpResponse> {
  const call = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { signal } = request;
  const options: RequestOptions = {
    method: request.method ?? 'GET',
    headers: {
      ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}),
      ...request.headers,
    },
    ...(request.ca ? { ca: request.ca } : {}),
  };
  return new Promise((resolve, reject) => {
    let connected = false;
    let settled = false;
    const failure = (message: string, code: string, name?: string): SendError => Object.assign(new Error(message), { code, ...(name ? { name } : {}) });
    if (signal?.aborted) return reject(Object.assign(failure('the request was cancelled before it was sent', ABORTED, 'AbortError'), { requestSent: false }));
    // One deadline for the whole exchange; the socket's own idle timeout would let a drip go on forever.
    const timer = setTimeout(() => fail(failure(`no complete answer from ${url.origin} within ${Math.round(timeoutMs / 100) / 10} s`, TIMED_OUT)), timeoutMs);
    const onAbort = (): void => fail(failure('the request was cancelled', ABORTED, 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      done();
      const tagged = (error instanceof Error ? error : new Error(String(error))) as SendError;
      tagged.requestSent ??= connected;
      req.destroy();
      reject(tagged);
    };
    const req = call(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const tooLarge = (): void => fail(failure(`the answer from ${url.origin} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: not read`, TOO_LARGE));
      if (Number(res.headers['content-length']) > maxBytes) return tooLarge();
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return tooLarge();
        chunks.push(chunk);
      });
      res.on('end', () => {
        if (settled) return;
        done();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers });
      });
      res.on('error', fail);
      // A connection closed before the body ended is a failure, not a short answer.
      res.on('close', () => {
        if (!res.complete) fail(failure(`the connection to ${url.origin} closed before the answer was complete`, 'ECONNRESET'));
      });
    });
    req.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
    });
    req.on('error', fail);
    req.end(request.body);
  });
}

/** Retry-After in seconds or as an HTTP date, in milliseconds. */
export function retryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
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
